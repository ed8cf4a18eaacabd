using ReferralBot.Core.Links;

namespace ReferralBot.Core.Tests.Support;

/// <summary>Deep links for the test channel, once a test gives it the bot's name (as getMe does for Telegram).</summary>
public sealed class TestChannelLinks : IChannelLinks
{
    public string? Username { get; set; }

    public string Channel => ChatScript.Channel;


    public string? ChatWithBot => Username is null ? null : $"https://chat.example/{Username}";

    public DeepLink? ClaimLink(string code) => ChatWithBot is { } chat ? new DeepLink("Test chat", $"{chat}?start={code}") : null;
}
