using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Clicks;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Inbound;
using ReferralBot.Core.Storage;
using ReferralBot.Testing;

namespace ReferralBot.Host.Tests.Support;

/// <summary>The whole service in-process, on its own SQLite file (or PostgreSQL database), with the terminal chat off unless a test turns it on.</summary>
/// <param name="folder">A folder the test owns (kept after disposal); by default a temporary one, deleted.</param>
/// <param name="store">The store (<see cref="Stores"/>); by default as <c>REFERRALBOT_TEST_STORE</c> says.</param>
public sealed class ReferralBotFactory(IDictionary<string, string?>? overrides = null, string? folder = null, string? store = null) : ServiceFactory(
    "host", new Dictionary<string, string?> { ["Bot:DefaultLandingUrl"] = "https://shop.example.sg/serum?lang=en#buy" }, overrides, folder, store)
{
    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A person types <paramref name="text"/> in a chat; the replies' text comes back.</summary>
    public async Task<string> SayAsync(string user, string text)
    {
        var pipeline = Services.GetRequiredService<InboundPipeline>();
        var replies = (await pipeline.HandleAsync(new InboundMessage("test", user, user, char.ToUpperInvariant(user[0]) + user[1..], text), CancellationToken.None)).Replies;
        return string.Join("\n", replies.OfType<TextReply>().Select(r => r.Html));
    }

    public async Task<string> CodeOfAsync(string user)
    {
        var text = await SayAsync(user, "/code");
        var start = text.IndexOf("<b>", StringComparison.Ordinal) + 3;
        return text[start..text.IndexOf("</b>", start, StringComparison.Ordinal)];
    }

    public Task FlushClicksAsync() => Services.GetRequiredService<ClickWriter>().FlushAsync(CancellationToken.None);

    public async Task<List<Click>> StoredClicksAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>().Clicks.OrderBy(c => c.Id).ToListAsync();
    }
}
