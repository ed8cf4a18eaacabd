namespace ReferralBot.Core.Purchases;

/// <summary>
/// A purchase the shop reported (or an admin confirmed). The order id is unique: a replay finds this row and
/// answers from it, so a duplicate can never count twice. Rows are never changed; a refund is its own row.
/// </summary>
public sealed class Purchase
{
    public long Id { get; private set; }
    public required string OrderId { get; init; }
    public decimal Amount { get; init; }
    public required string Currency { get; init; }

    /// <summary>The discount the buyer got at checkout, when the shop said.</summary>
    public decimal? Discount { get; init; }
    public DateTime OccurredAt { get; init; }
    public DateTime ReceivedAt { get; init; }
    public string? Code { get; init; }
    public string? Reference { get; init; }

    /// <summary>The link's source tag the shop saw (its <c>utm_source</c>: <c>ig</c>, <c>qr</c>…), when it passed it on.</summary>
    public string? Source { get; init; }
    public string? CustomerChannel { get; init; }
    public string? CustomerUserId { get; init; }
    public int? CampaignId { get; init; }
    public int? ReferrerMemberId { get; init; }
    public int? BuyerMemberId { get; init; }

    /// <summary>Why the referrer was not credited (see <see cref="NotCredited"/>); null when credited.</summary>
    public string? NotCreditedReason { get; init; }

    /// <summary>Who reported it: <c>webhook</c>, or the admin's address for <c>/confirm</c>.</summary>
    public required string ReportedBy { get; init; }

    public bool Credited => ReferrerMemberId is not null && NotCreditedReason is null;
}
