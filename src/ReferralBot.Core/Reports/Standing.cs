namespace ReferralBot.Core.Reports;

/// <summary>A referrer's line on a leaderboard: credited, unrefunded purchases and the sales they made.</summary>
public sealed record Standing(int MemberId, string Name, string Code, int Purchases, decimal Revenue);

/// <summary>The top of a campaign's board and where one member stands on it (rank shared on ties).</summary>
public sealed record Leaderboard(IReadOnlyList<(int Rank, Standing Standing)> Top, int? AskerRank, int AskerPurchases, int Members);
