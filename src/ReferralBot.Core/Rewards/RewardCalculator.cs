using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Experiments;
using ReferralBot.Core.Members;
using ReferralBot.Core.Purchases;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Rewards;

/// <summary>
/// The rewards a credited purchase earns. An influencer: commission at the rate of the tier they stand on before
/// this purchase (never below the campaign's base), plus their flat fee with their first purchase. A customer: the
/// campaign's referrer reward. The buyer's discount is recorded as a cost of the campaign.
/// </summary>
public sealed class RewardCalculator(ReferralBotDbContext db, TierStanding standing, ExperimentTerms experiments)
{
    public async Task<RewardPlan> PlanAsync(Purchase purchase, Attribution attribution, DateTime now, CancellationToken cancellationToken)
    {
        var campaign = attribution.Campaign!;
        var referrer = attribution.Referrer!;
        // The referrer's reward and the buyer's discount are those of the referrer's experiment variant, where one applies.
        var terms = await experiments.ForPurchaseAsync(campaign, referrer.PersonId, attribution.ClaimedAt, cancellationToken);
        var entries = new List<LedgerEntry>();
        TierEvent? tierUp = null;

        if (referrer.Role == MemberRole.Influencer)
        {
            var ladder = await standing.LadderAsync(campaign, cancellationToken);
            var before = await standing.CountAsync(referrer.Id, cancellationToken);
            var tier = ladder.At(before);
            var rate = ladder.RateAt(before);
            entries.Add(Entry(purchase, campaign, referrer.Id, LedgerKind.Commission, Money(purchase.Amount * rate / 100m), now, rate, tier?.Name));
            if (await FlatFeeAsync(purchase, campaign, referrer, now, cancellationToken) is { } fee) entries.Add(fee);
            tierUp = await TierUpAsync(purchase, campaign, referrer, ladder, before, now, cancellationToken);
        }
        else if (terms.ReferrerReward is > 0m and var reward)
        {
            entries.Add(Entry(purchase, campaign, referrer.Id, LedgerKind.ReferrerReward, reward, now));
        }

        if (await DiscountAsync(purchase, campaign, terms.Discount, attribution.Buyer, cancellationToken) is > 0m and var discount)
            entries.Add(Entry(purchase, campaign, attribution.Buyer?.Id, LedgerKind.Discount, discount, now));

        return new RewardPlan(entries.Where(e => e.Amount != 0m).ToList(), tierUp);
    }

    /// <summary>Money in the campaign currency: two decimals, halves away from zero.</summary>
    public static decimal Money(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    // Owed once per influencer and campaign while they have a purchase standing: when the purchase that earned it is
    // refunded it is reversed, and the next purchase earns it again (the key counts the reversals, so two purchases
    // landing together cannot both earn it).
    private async Task<LedgerEntry?> FlatFeeAsync(Purchase purchase, Campaign campaign, Member influencer, DateTime now, CancellationToken cancellationToken)
    {
        var fee = influencer.FlatFee ?? campaign.FlatFee;
        if (fee is not > 0m) return null;
        var fees = db.Set<LedgerEntry>().Where(e => e.MemberId == influencer.Id && e.CampaignId == campaign.Id && e.Kind == LedgerKind.FlatFee);
        var earned = await fees.CountAsync(e => e.ReversesEntryId == null, cancellationToken);
        var reversed = await fees.CountAsync(e => e.ReversesEntryId != null, cancellationToken);
        if (earned > reversed) return null;

        return new LedgerEntry
        {
            Key = LedgerEntry.FlatFeeKey(campaign.Id, influencer.Id, reversed),
            CampaignId = campaign.Id,
            MemberId = influencer.Id,
            Purchase = purchase,
            Kind = LedgerKind.FlatFee,
            Amount = fee.Value,
            Currency = campaign.Currency,
            CreatedAt = now,
            PayableAt = PayableAt(purchase, campaign),
        };
    }

    private async Task<TierEvent?> TierUpAsync(
        Purchase purchase, Campaign campaign, Member influencer, TierLadder ladder, int before, DateTime now, CancellationToken cancellationToken)
    {
        var reached = ladder.At(before + 1);
        if (reached is null || reached.Name == ladder.At(before)?.Name) return null;
        if (await db.Set<TierEvent>().AnyAsync(e => e.MemberId == influencer.Id && e.TierName == reached.Name, cancellationToken)) return null;

        return new TierEvent
        {
            CampaignId = campaign.Id,
            MemberId = influencer.Id,
            TierName = reached.Name,
            CommissionPercent = reached.CommissionPercent,
            Purchases = before + 1,
            OrderId = purchase.OrderId,
            OccurredAt = now,
        };
    }

    // The shop's figure when it sent one; else, for a percentage discount on the buyer's first referred order, what
    // that percentage took off the price before the discount (the amount reported is what was paid).
    private async Task<decimal?> DiscountAsync(Purchase purchase, Campaign campaign, string? given, Member? buyer, CancellationToken cancellationToken)
    {
        if (purchase.Discount is { } reported) return reported;
        if (given is not { } text || !text.EndsWith('%')
            || !decimal.TryParse(text.TrimEnd('%'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) || percent is <= 0m or >= 100m)
            return null;
        if (buyer is not null && await db.Set<Purchase>().AnyAsync(p => p.BuyerMemberId == buyer.Id && p.CampaignId == campaign.Id && p.NotCreditedReason == null, cancellationToken))
            return null;
        return Money(purchase.Amount * percent / (100m - percent));
    }

    private static LedgerEntry Entry(
        Purchase purchase, Campaign campaign, int? memberId, LedgerKind kind, decimal amount, DateTime now, decimal? rate = null, string? tier = null) => new()
    {
        Key = LedgerEntry.PurchaseKey(purchase.OrderId, kind),
        CampaignId = campaign.Id,
        MemberId = memberId,
        Purchase = purchase,
        Kind = kind,
        Amount = amount,
        Currency = campaign.Currency,
        RatePercent = rate,
        TierName = tier,
        CreatedAt = now,
        PayableAt = PayableAt(purchase, campaign),
    };

    // The campaign's hold as it is now, from the purchase's own time: the reward keeps it whatever the setting becomes.
    // A flat fee rides with the purchase that earns it, the influencer's first credited one.
    private static DateTime PayableAt(Purchase purchase, Campaign campaign) => purchase.OccurredAt.AddDays(campaign.HoldDays);
}
