using Microsoft.Extensions.Options;

namespace ReferralBot.Core.Limits;

/// <summary>The service's limiters, one of each (<see cref="LimitOptions"/>), shared by every message and request.</summary>
public sealed class AbuseLimits(IOptions<LimitOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>Messages per person (their address).</summary>
    public WindowLimiter Messages { get; } = new(options.Value.MessagesPerMinute, Minute, time);

    /// <summary>One "slow down" a person and minute: after it, their extra messages go unanswered.</summary>
    public WindowLimiter FloodNotices { get; } = new(1, Minute, time);

    public WindowLimiter AdminCommands { get; } = new(options.Value.AdminCommandsPerMinute, Minute, time);

    /// <summary>Wrong codes per person; counted as they happen, checked before a claim looks its code up.</summary>
    public WindowLimiter WrongCodes { get; } = new(options.Value.WrongCodes, options.Value.WrongCodesWindow, time);

    /// <summary>Unknown codes per address on the web links.</summary>
    public WindowLimiter UnknownCodes { get; } = new(options.Value.UnknownCodesPerAddressPerMinute, Minute, time);
}
