namespace ReferralBot.Core.Nudges;

public enum NudgeState
{
    /// <summary>Waiting for its due time (which quiet hours or the weekly cap may move on).</summary>
    Pending,

    /// <summary>Rendered and handed to the outbox, which sends it once.</summary>
    Queued,

    /// <summary>Not sent, and never will be: the reason says why (stopped, unreachable, shared…).</summary>
    Skipped,

    /// <summary>Withdrawn before it went out: its purchase was refunded.</summary>
    Cancelled,
}
