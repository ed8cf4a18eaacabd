namespace ReferralBot.FakeTelegram;

public sealed class FakeBotApiOptions
{
    public string Token { get; init; } = "123456:TEST-TOKEN";

    public long BotId { get; init; } = 123456;

    public string Username { get; init; } = "ReferralTestBot";

    public string FirstName { get; init; } = "Referral Test Bot";

    public bool CanJoinGroups { get; init; } = true;

    public bool CanReadAllGroupMessages { get; init; }

    public bool SupportsInlineQueries { get; init; }

    /// <summary>The loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>
    /// Free loopback ports to listen on besides <see cref="Port"/> (one bot, one state): give each of several clients
    /// its own (<see cref="FakeBotApi.BaseUrls"/>) and their calls are told apart by <see cref="RecordedCall.Via"/>.
    /// </summary>
    public int ExtraPorts { get; init; }

    /// <summary>
    /// Refuse with 429 (retry_after 1) what Telegram would: a send to a chat under 1 s after the last accepted one
    /// (3 s for groups, i.e. negative chat ids), or a 31st accepted send within a second. Judged on arrival.
    /// </summary>
    public bool EnforceLimits { get; init; }

    /// <summary>
    /// Run requests on the socket's own thread rather than handing them to the thread pool, so a request is clocked as
    /// soon as it is read (the benchmark's fake; with <c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1</c> in its
    /// environment, reads complete on that thread too).
    /// </summary>
    public bool InlineScheduling { get; init; }

    /// <summary>
    /// Clock each request at the kernel's time of its last data on the connection (Linux, to the scheduler's tick),
    /// rather than when its handler started: for the benchmark's fake, whose handlers can start late on a busy machine.
    /// Only with the system clock as <see cref="Time"/>.
    /// </summary>
    public bool ClockFromKernel { get; init; }

    /// <summary>The clock of recorded calls, message dates and the limits.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The longest a getUpdates call waits for updates, whatever timeout it asks for.</summary>
    public int MaxLongPollSeconds { get; init; } = 2;

    /// <summary>
    /// Delay before a send's answer, picked in [Min, Max]. Always real time (not <see cref="Time"/>): a fake clock
    /// that nobody advances would hang every send.
    /// </summary>
    public (TimeSpan Min, TimeSpan Max) Latency { get; init; }

    public TimeSpan MinLatency { get => Latency.Min; init => Latency = (value, Latency.Max); }

    public TimeSpan MaxLatency { get => Latency.Max; init => Latency = (Latency.Min, value); }

    /// <summary>
    /// Answer what Telegram answers with 400: HTML that does not parse, too-long texts and captions, callback data
    /// over 64 bytes, button URLs Telegram refuses, edits that change nothing. Off: anything goes.
    /// </summary>
    public bool Strict { get; init; } = true;
}
