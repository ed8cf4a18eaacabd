namespace ReferralBot.Core.Reports;

/// <summary>
/// A campaign's figures for <c>/report</c>: the funnel (landing page views, where it has pages, then clicks, sign-ups and
/// purchases), money, and splits by source and by influencer.
/// </summary>
public sealed record CampaignReport(
    int UniqueViews,
    int TotalClicks,
    int UniqueClicks,
    int SignUps,
    int Purchases,
    int Refunded,
    decimal Revenue,
    IReadOnlyDictionary<string, decimal> CostByKind,
    int ReferredCustomers,
    decimal ReferredCustomersRevenue,
    IReadOnlyList<SourceLine> Sources,
    IReadOnlyList<MemberLine> Members,
    IReadOnlyList<(DateOnly Day, int Purchases)> PurchasesPerDay,
    PayoutFigures Payouts,
    int CardsPosted)
{
    public decimal Cost => CostByKind.Values.Sum();

    /// <summary>Cost per referred customer; null before the first.</summary>
    public decimal? CostPerAcquisition => ReferredCustomers == 0 ? null : Math.Round(Cost / ReferredCustomers, 2, MidpointRounding.AwayFromZero);

    /// <summary>Average of everything referred customers bought (not only the credited purchase); null before the first.</summary>
    public decimal? LifetimeValue => ReferredCustomers == 0 ? null : Math.Round(ReferredCustomersRevenue / ReferredCustomers, 2, MidpointRounding.AwayFromZero);

    /// <summary>(credited revenue − cost) ÷ cost; null while nothing was spent.</summary>
    public decimal? ReturnOnInvestment => Cost == 0 ? null : (Revenue - Cost) / Cost;

    public static decimal? Rate(int part, int whole) => whole == 0 ? null : (decimal)part / whole;
}

/// <summary>One source tag (<c>qr</c>, <c>wa</c>, <c>ig</c>…, or none): its page views, clicks and the purchases the shop reported from it.</summary>
public sealed record SourceLine(string Source, int UniqueViews, int UniqueClicks, int Purchases, decimal Revenue);

/// <summary>The campaign's rewards by where they stand: in their hold, payable, in an open batch, paid, and owed back after refunds.</summary>
public sealed record PayoutFigures(decimal Pending, decimal Payable, decimal InPayment, decimal Paid, decimal OwedBack)
{
    public bool Any => Pending != 0m || Payable != 0m || InPayment != 0m || Paid != 0m || OwedBack != 0m;
}

/// <summary>One referrer's tallies in the campaign (<see cref="Earned"/> less refunds).</summary>
public sealed record MemberLine(
    int MemberId, string Name, string Code, bool IsInfluencer, int UniqueClicks, int SignUps, int Purchases, int Refunded, decimal Revenue, decimal Earned,
    decimal OwedBack)
{
    public decimal? Conversion => CampaignReport.Rate(Purchases, UniqueClicks);

    public decimal? RefundRate => CampaignReport.Rate(Refunded, Purchases + Refunded);
}
