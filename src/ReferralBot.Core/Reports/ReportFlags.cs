namespace ReferralBot.Core.Reports;

/// <summary>Who deserves a second look in a report.</summary>
public static class ReportFlags
{
    /// <summary>Unique clicks before a member's conversion is judged at all.</summary>
    public const int MinClicks = 20;

    /// <summary>"Far below": under a third of the campaign's purchases-per-click.</summary>
    public const decimal FarBelow = 1m / 3;

    public const int MinRefunds = 2;

    public const decimal HighRefundRate = 0.25m;

    public static bool DrivesClicksNotPurchases(MemberLine member, decimal? campaignConversion) =>
        member.UniqueClicks >= MinClicks && campaignConversion is > 0 && (member.Conversion ?? 0) < campaignConversion * FarBelow;

    public static bool RefundsOften(MemberLine member) =>
        member.Refunded >= MinRefunds && member.RefundRate >= HighRefundRate;
}
