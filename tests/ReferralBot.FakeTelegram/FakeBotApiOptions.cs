namespace ReferralBot.FakeTelegram;

public sealed class FakeBotApiOptions
{
    public string Token { get; init; } = "123456:TEST-TOKEN";
    public long BotId { get; init; } = 123456;
    public string Username { get; init; } = "ReferralTestBot";
    public string FirstName { get; init; } = "Referral Test Bot";

    /// <summary>The loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Refuse with 429 (retry_after 1) what Telegram would: a send to a chat under 1 s after the last (3 s for groups), or a 31st send within a second.</summary>
    public bool EnforceLimits { get; init; }

    /// <summary>The clock of recorded calls and of the limits.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The longest a getUpdates call waits for updates, whatever timeout it asks for.</summary>
    public int MaxLongPollSeconds { get; init; } = 2;

    /// <summary>Real-time delay before a send is answered (picked in [min, max]).</summary>
    public TimeSpan MinLatency { get; init; } = TimeSpan.Zero;

    public TimeSpan MaxLatency { get; init; } = TimeSpan.Zero;
}
