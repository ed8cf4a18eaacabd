namespace ReferralBot.Core.Rewards;

/// <summary>What a new credited purchase adds: its ledger entries and, when it crossed one, a tier-up.</summary>
public sealed record RewardPlan(IReadOnlyList<LedgerEntry> Entries, TierEvent? TierUp);
