namespace ReferralBot.Core.Clicks;

/// <summary>One visit to a tracked link or to a referrer's landing page (<see cref="Kind"/>).</summary>
public sealed class Click
{
    public long Id { get; private set; }
    public int MemberId { get; init; }
    public int CampaignId { get; init; }
    public required string Code { get; init; }

    public VisitKind Kind { get; init; }

    /// <summary>The source tag of the link (<c>qr</c>, <c>tg</c>, <c>ig</c>…), if it had one.</summary>
    public string? Source { get; init; }

    /// <summary>A salted daily hash of the visitor (address and browser), for counting unique visitors without storing who they are.</summary>
    public string? Visitor { get; init; }

    public DateTime OccurredAt { get; init; }
}
