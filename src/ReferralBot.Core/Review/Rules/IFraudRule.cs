using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Review.Rules;

/// <summary>
/// One fraud rule: reads what is stored since <see cref="FraudScanContext.Since"/> and proposes cases. It decides nothing
/// and writes nothing: the scan keeps the cases whose keys are new.
/// </summary>
public interface IFraudRule
{
    string Name { get; }

    bool IsEnabled(FraudOptions options);

    Task<IReadOnlyList<ReviewCase>> FindAsync(FraudScanContext scan, CancellationToken cancellationToken);
}

/// <param name="Since">Where this scan's look back starts.</param>
public sealed record FraudScanContext(ReferralBotDbContext Db, FraudOptions Options, DateTime Now, DateTime Since)
{
    /// <summary>A case of <paramref name="rule"/>, its facts kept as JSON for the <c>review-list</c> prompt to word.</summary>
    public ReviewCase Case(
        string rule, string what, int campaignId, int memberId, IReadOnlyDictionary<string, string> facts,
        int? claimId = null, long? purchaseId = null, bool holdsMember = false, bool holds = true) => new()
    {
        Key = ReviewCase.KeyFor(rule, what),
        Rule = rule,
        CampaignId = campaignId,
        MemberId = memberId,
        Evidence = System.Text.Json.JsonSerializer.Serialize(facts),
        ClaimId = claimId,
        PurchaseId = purchaseId,
        HoldsMember = holdsMember,
        Holds = holds,
        CreatedAt = Now,
    };
}
