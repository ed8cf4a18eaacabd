using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Channels.BotFramework.Setup;
using ReferralBot.Core.Outbound;
using ReferralBot.FakeBotFramework;
using ReferralBot.Testing;

namespace ReferralBot.BotFramework.Tests.Support;

/// <summary>
/// The whole service in-process on its own SQLite file, with the Bot Framework channel pointed at a fake channel on
/// loopback (its metadata, keys, token endpoint and connector), trusting only the fake's certificate.
/// </summary>
public sealed class BotFrameworkBotFactory(FakeBotFrameworkChannel channel, IDictionary<string, string?>? overrides = null)
    : ServiceFactory("bf", Settings(channel), overrides)
{
    public FakeBotFrameworkChannel Channel { get; } = channel;

    /// <summary>
    /// Waits until the outbox has settled a first attempt to send the answer to <paramref name="activityId"/>: once
    /// <c>/api/messages</c> has answered, the answer is stored, and a settled attempt has made (or failed) every post.
    /// </summary>
    public async Task WaitForAnswerAsync(string channelId, string conversation, string activityId, TimeSpan timeout)
    {
        var key = $"reply:{channelId}:{conversation}|{activityId}";
        await WaitForDatabaseAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Key == key && m.Attempts > 0), timeout);
    }

    protected override void ConfigureChannel(IServiceCollection services) =>
        services.AddHttpClient(BotFrameworkSetup.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Channel.CreateTrustingHandler());

    private static Dictionary<string, string?> Settings(FakeBotFrameworkChannel channel)
    {
        var baseUrl = channel.BaseUrl.ToString().TrimEnd('/');
        return new Dictionary<string, string?>
        {
            ["BotFramework:AppId"] = new FakeChannelOptions().AppId,
            ["BotFramework:AppPassword"] = new FakeChannelOptions().AppPassword,
            ["BotFramework:AuthorityHost"] = baseUrl,
            ["BotFramework:OpenIdMetadataUrl"] = $"{baseUrl}/v1/.well-known/openidconfiguration",
            ["BotFramework:MetadataRefreshInterval"] = "00:00:00",
        };
    }
}
