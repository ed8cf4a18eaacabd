namespace ReferralBot.Core.Administration;

/// <summary>One admin change: who, when, what, and the value before and after. Append-only.</summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }
    public DateTime At { get; init; }
    public required string Actor { get; init; }
    public int? CampaignId { get; init; }
    public required string Action { get; init; }
    public string? OldValue { get; init; }
    public string? NewValue { get; init; }
}
