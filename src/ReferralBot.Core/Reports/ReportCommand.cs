using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Experiments;
using ReferralBot.Core.Review;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Rewards;

namespace ReferralBot.Core.Reports;

/// <summary>
/// <c>/report [slug]</c> for admins: the funnel (page views → clicks → sign-ups → purchases) with its conversion rates, revenue, cost, cost per acquisition,
/// customer lifetime value and ROI; the split by source and by influencer; the top 5; flags; and a chart.
/// </summary>
public sealed class ReportCommand(
    CampaignDirectory campaigns, CampaignReportQuery reports, ExperimentReadout experiments, ReviewQuery review, PromptRenderer prompts) : IChatCommand
{
    public string Name => "report";

    public bool AdminOnly => true;

    public string? MenuPrompt => PromptName.MenuReport;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var slug = context.Arguments.FirstOrDefault();
        var campaign = slug is null ? await campaigns.DefaultAsync(cancellationToken) : await campaigns.FindAsync(slug, cancellationToken);
        if (campaign is null) return [await prompts.TextAsync(PromptName.CampaignUnknown, new { Slug = slug ?? "(default)" }, context.Locale)];

        var report = await reports.ForAsync(campaign.Id, cancellationToken);
        var tests = await experiments.ForReportAsync(campaign.Id, context.Locale, cancellationToken);
        var cases = await review.CountsAsync(campaign.Id, cancellationToken);
        var text = await prompts.TextAsync(PromptName.Report, Model(campaign, report, tests, cases), context.Locale);
        if (report.Purchases == 0 && report.UniqueClicks == 0 && report.UniqueViews == 0) return [text];
        return [text, new ImageReply(ReportChart.Render(campaign, report), $"{campaign.Slug}-report.png",
            await prompts.RenderAsync(PromptName.ReportChartCaption, new { Campaign = campaign.Name }, context.Locale))];
    }

    private static object Model(Campaign campaign, CampaignReport report, IReadOnlyList<(Experiment Experiment, Readout Readout)> tests, ReviewCounts cases)
    {
        string Money(decimal value) => MoneyText.Format(value, campaign.Currency);
        var clickConversion = CampaignReport.Rate(report.Purchases, report.UniqueClicks);
        var costs = new[] { LedgerKind.Commission, LedgerKind.FlatFee, LedgerKind.ReferrerReward, LedgerKind.Discount }
            .Select(kind => (Kind: LedgerKindNames.Of(kind), Amount: report.CostByKind.GetValueOrDefault(kind.ToString())))
            .Where(c => c.Amount != 0)
            .Select(c => new { c.Kind, Amount = Money(c.Amount) })
            .ToList();
        return new
        {
            Campaign = campaign.Name,
            campaign.Slug,
            UniqueViews = report.UniqueViews > 0 ? ReportFormat.Count(report.UniqueViews) : null,
            ClickThrough = ReportFormat.Percent(CampaignReport.Rate(report.UniqueClicks, report.UniqueViews)),
            UniqueClicks = ReportFormat.Count(report.UniqueClicks),
            TotalClicks = ReportFormat.Count(report.TotalClicks),
            SignUps = report.SignUps,
            Purchases = report.Purchases,
            SignUpRate = ReportFormat.Percent(CampaignReport.Rate(report.SignUps, report.UniqueClicks)),
            PurchaseRate = ReportFormat.Percent(CampaignReport.Rate(report.Purchases, report.SignUps)),
            ClickRate = ReportFormat.Percent(clickConversion),
            Refunded = report.Refunded,
            report.CardsPosted,
            Revenue = Money(report.Revenue),
            Cost = Money(report.Cost),
            Costs = costs,
            Cpa = report.CostPerAcquisition is { } cpa ? Money(cpa) : null,
            Customers = report.ReferredCustomers,
            Clv = report.LifetimeValue is { } clv ? Money(clv) : null,
            Roi = ReportFormat.Percent(report.ReturnOnInvestment),
            Payouts = report.Payouts.Any ? new
            {
                Pending = Money(report.Payouts.Pending),
                Payable = Money(report.Payouts.Payable),
                InPayment = report.Payouts.InPayment != 0m ? Money(report.Payouts.InPayment) : null,
                Paid = Money(report.Payouts.Paid),
                OwedBack = report.Payouts.OwedBack != 0m ? Money(report.Payouts.OwedBack) : null,
            } : null,
            OwingBack = report.Members.Where(m => m.OwedBack > 0m).Select(m => $"{m.Name} ({m.Code}) {Money(m.OwedBack)}").ToList(),
            Sources = report.Sources.Select(s => new
            {
                s.Source,
                Views = s.UniqueViews > 0 ? ReportFormat.Count(s.UniqueViews) : null,
                Clicks = ReportFormat.Count(s.UniqueClicks),
                s.Purchases,
                Rate = ReportFormat.Percent(CampaignReport.Rate(s.Purchases, s.UniqueClicks)),
                Revenue = Money(s.Revenue),
            }).ToList(),
            Influencers = report.Members.Where(m => m.IsInfluencer).Select(m => Line(m, Money)).ToList(),
            Top = report.Members.Where(m => m.Purchases > 0).Take(5).Select(m => Line(m, Money)).ToList(),
            Flags = report.Members
                .Where(m => ReportFlags.DrivesClicksNotPurchases(m, clickConversion) || ReportFlags.RefundsOften(m))
                .Select(m => new
                {
                    m.Name,
                    m.Code,
                    ClicksNotPurchases = ReportFlags.DrivesClicksNotPurchases(m, clickConversion),
                    Clicks = ReportFormat.Count(m.UniqueClicks),
                    m.Purchases,
                    Rate = ReportFormat.Percent(m.Conversion) ?? "0%",
                    CampaignRate = ReportFormat.Percent(clickConversion),
                    RefundsOften = ReportFlags.RefundsOften(m),
                    m.Refunded,
                    Bought = m.Purchases + m.Refunded,
                    RefundRate = ReportFormat.Percent(m.RefundRate),
                }).ToList(),
            Review = cases.Flagged > 0 ? cases : null,
            Experiments = tests.Select(t => new
            {
                t.Experiment.Name,
                t.Experiment.Setting,
                State = t.Experiment.State.ToString().ToLowerInvariant(),
                t.Experiment.Winner,
                t.Readout.Verdict,
            }).ToList(),
        };
    }

    private static object Line(MemberLine m, Func<decimal, string> money) => new
    {
        m.Name,
        m.Code,
        Clicks = ReportFormat.Count(m.UniqueClicks),
        m.SignUps,
        m.Purchases,
        Rate = ReportFormat.Percent(m.Conversion),
        Revenue = money(m.Revenue),
        Earned = money(m.Earned),
    };
}
