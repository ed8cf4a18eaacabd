namespace ReferralBot.Core.Nudges;

/// <summary>
/// A message the bot will send on its own later. The row exists before anything is scheduled, and its
/// <see cref="Key"/> (order and kind) is unique, so a duplicate purchase confirmation cannot plan it twice; the
/// dispatcher settles each row once (queued to the outbox under the same key, or skipped, or cancelled).
/// </summary>
public sealed class Nudge
{
    public long Id { get; private set; }
    public required string Key { get; init; }
    public NudgeKind Kind { get; init; }
    public int PersonId { get; init; }
    public int MemberId { get; init; }
    public int CampaignId { get; init; }
    public string? OrderId { get; init; }
    public string? TierName { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime DueAt { get; set; }
    public NudgeState State { get; set; } = NudgeState.Pending;
    public string? Reason { get; set; }
    public DateTime? SettledAt { get; set; }

    /// <summary>Marketing nudges count towards <c>Nudges:MaxPerWeek</c>; news about one's own earnings does not.</summary>
    public static bool IsPromotional(NudgeKind kind) => kind is NudgeKind.ThankYou or NudgeKind.ShareAgain or NudgeKind.Reminder;

    public static string KeyFor(string orderId, NudgeKind kind) => $"order:{orderId}:{kind}";

    public static string TierKeyFor(int memberId, string tierName) => $"tier:{memberId}:{tierName}";

    /// <summary>One reminder per member and campaign day: <c>remind:{campaign}:{local date}:</c> followed by the member's id.</summary>
    public static string ReminderKeyPrefix(int campaignId, DateOnly localDate) =>
        $"remind:{campaignId}:{localDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}:";
}
