using System.Collections.Concurrent;

namespace ReferralBot.Channels.BotFramework.Sending;

/// <summary>
/// Service URLs the bot may send its token to: those that came on authenticated requests (or any, when
/// authentication is off for local testing). A forged activity cannot make the bot hand its token elsewhere.
/// </summary>
public sealed class TrustedServiceUrls
{
    private readonly ConcurrentDictionary<string, bool> trusted = new(StringComparer.OrdinalIgnoreCase);

    public void Trust(string serviceUrl) => trusted[Normalize(serviceUrl)] = true;

    public bool IsTrusted(string serviceUrl) => trusted.ContainsKey(Normalize(serviceUrl));

    private static string Normalize(string url) => url.TrimEnd('/');
}
