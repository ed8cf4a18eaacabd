namespace ReferralBot.Core.Stats;

public sealed record MemberStats(int Clicks, DateTime? LastClickAt, int SignUps, DateTime? LastSignUpAt, int Purchases);
