namespace ReferralBot.Core.Clicks;

/// <summary>
/// A maintained count of one referrer's clicks (or page views) from one source (<c>""</c> for none), written with each
/// batch of clicks, so reports add up a few rows instead of counting a million.
/// </summary>
public sealed class ClickTally
{
    public int MemberId { get; init; }
    public VisitKind Kind { get; init; }
    public required string Source { get; init; }
    public int CampaignId { get; init; }
    public int Clicks { get; init; }

    /// <summary>Distinct visitors (per day: the visitor hash changes daily) on this referrer's links from this source.</summary>
    public int UniqueClicks { get; init; }
}
