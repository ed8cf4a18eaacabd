namespace ReferralBot.Core.Clicks;

/// <summary>A visitor (daily hash) seen on a referrer's link (or page) from a source: its key decides whether a click is unique.</summary>
public sealed class ClickVisitor
{
    public int MemberId { get; init; }
    public VisitKind Kind { get; init; }
    public required string Source { get; init; }
    public required string Visitor { get; init; }
}
