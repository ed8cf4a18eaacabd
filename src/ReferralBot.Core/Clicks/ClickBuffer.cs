using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace ReferralBot.Core.Clicks;

/// <summary>
/// Clicks wait here between the redirect and the database, so a redirect never waits for a write. Bounded:
/// when the writer falls far behind, redirects slow down instead of clicks being dropped.
/// </summary>
public sealed class ClickBuffer(IOptions<ClickOptions> options)
{
    private readonly Channel<Click> channel = Channel.CreateBounded<Click>(
        new BoundedChannelOptions(options.Value.Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public ValueTask AddAsync(Click click, CancellationToken cancellationToken) => channel.Writer.WriteAsync(click, cancellationToken);

    public int Count => channel.Reader.Count;

    internal ChannelReader<Click> Reader => channel.Reader;
}
