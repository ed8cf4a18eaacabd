using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Members;
using ReferralBot.Core.Nudges;
using ReferralBot.Core.Rewards;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Purchases;

/// <summary>
/// Records a reported purchase with its rewards in one transaction. The order id is unique, so a replay (or the
/// loser of two concurrent deliveries) finds the first recording and answers from it; other unique keys (a flat fee,
/// a tier-up) settle races between different purchases, which are then worked out again.
/// </summary>
public sealed partial class PurchaseIntake(
    ReferralBotDbContext db,
    PurchaseAttribution attribution,
    RewardCalculator rewards,
    NudgePlanner nudges,
    PurchaseLookup lookup,
    TimeProvider time,
    ILogger<PurchaseIntake> logger)
{
    private const int MaxAttempts = 5;

    public async Task<PurchaseOutcome> RecordAsync(PurchaseReport report, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await lookup.FindAsync(report.OrderId, cancellationToken) is { } earlier) return Replay(earlier, report);

            var attributed = await attribution.AttributeAsync(report, cancellationToken);
            if (attributed.Campaign is { } campaign && !string.Equals(campaign.Currency, report.Currency, StringComparison.Ordinal))
                return PurchaseOutcome.Refused("currency", $"The campaign {campaign.Slug} counts in {campaign.Currency}; this purchase is in {report.Currency}.");
            if (attributed.Campaign is { } started && report.OccurredAt < started.CreatedAt)
                return PurchaseOutcome.Refused("occurredAt", $"Before the campaign {started.Slug} began ({started.CreatedAt:yyyy-MM-dd HH:mm} UTC): no referral of it can have led to this order.");

            var now = time.GetUtcNow().UtcDateTime;
            var purchase = new Purchase
            {
                OrderId = report.OrderId,
                Amount = report.Amount,
                Currency = report.Currency,
                Discount = report.Discount,
                OccurredAt = report.OccurredAt,
                ReceivedAt = now,
                Code = attributed.Code,
                Reference = report.Reference,
                Source = ReferralBot.Core.Links.LinkSource.Normalize(report.Source),
                CustomerChannel = report.CustomerChannel,
                CustomerUserId = report.CustomerUserId,
                CampaignId = attributed.Campaign?.Id,
                ReferrerMemberId = attributed.Referrer?.Id,
                BuyerMemberId = attributed.Buyer?.Id,
                NotCreditedReason = attributed.NotCreditedReason,
                ReportedBy = report.ReportedBy,
            };
            db.Add(purchase);
            TierEvent? tierUp = null;
            if (attributed.Credited)
            {
                var plan = await rewards.PlanAsync(purchase, attributed, now, cancellationToken);
                db.AddRange(plan.Entries);
                if ((tierUp = plan.TierUp) is not null) db.Add(tierUp);
            }

            // Stored with the purchase: its nudges exist exactly when it does, once.
            await nudges.PlanAsync(purchase, attributed, tierUp, now, cancellationToken);

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex) && attempt < MaxAttempts)
            {
                // The same order arrived at the same moment (the next lookup finds it), or another purchase took a
                // once-only reward first (worked out again without it).
                db.ChangeTracker.Clear();
                continue;
            }

            db.ChangeTracker.Clear();
            LogRecorded(logger, LoggedText.Of(purchase.OrderId), purchase.Amount, purchase.Currency, purchase.Credited, purchase.NotCreditedReason);
            return new PurchaseOutcome(await lookup.FindAsync(report.OrderId, cancellationToken), IsNew: true);
        }
    }

    // A replay answers as the first time; one that says something else about the order is refused, since either the
    // shop reuses order ids or the first report was wrong, and neither is fixed by keeping quiet.
    private PurchaseOutcome Replay(PurchaseSummary earlier, PurchaseReport report)
    {
        var recorded = earlier.Purchase;
        var differences = new Dictionary<string, string>();
        if (recorded.Amount != report.Amount)
            differences["amount"] = $"Recorded as {Money(recorded.Amount)}; this report says {Money(report.Amount)}.";
        if (!string.Equals(recorded.Currency, report.Currency, StringComparison.Ordinal))
            differences["currency"] = $"Recorded in {recorded.Currency}; this report says {report.Currency}.";
        var code = CodeFormat.TryNormalize(report.Code, out var normalized) ? normalized : null;
        if (!string.Equals(recorded.Code, code, StringComparison.Ordinal))
            differences["code"] = $"Recorded with {recorded.Code ?? "no code"}; this report says {code ?? "no code"}.";
        if (differences.Count == 0) return new PurchaseOutcome(earlier, IsNew: false);

        LogChangedReplay(logger, LoggedText.Of(report.OrderId), string.Join(", ", differences.Keys));
        return PurchaseOutcome.Conflicting(earlier, differences);
    }

    private static string Money(decimal amount) => amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(LogLevel.Warning, "Order {OrderId} was reported again with a different {Fields}; refused, the first report stands")]
    private static partial void LogChangedReplay(ILogger logger, string orderId, string fields);

    [LoggerMessage(LogLevel.Information, "Purchase {OrderId} of {Amount} {Currency} recorded; credited: {Credited} {Reason}")]
    private static partial void LogRecorded(ILogger logger, string orderId, decimal amount, string currency, bool credited, string? reason);
}
