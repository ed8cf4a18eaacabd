using ReferralBot.Core.Rewards;

namespace ReferralBot.Core.Payouts;

/// <summary>A member with money payable or owed back in a campaign, and where their money would go (null: no details).</summary>
public sealed record PayoutCandidate(int MemberId, int PersonId, string Name, string Code, Earnings Money, PayoutAccount? Account);
