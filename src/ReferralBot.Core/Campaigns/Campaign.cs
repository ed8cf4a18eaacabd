namespace ReferralBot.Core.Campaigns;

public sealed class Campaign
{
    public int Id { get; private set; }
    public required string Slug { get; init; }
    public required string Name { get; set; }
    public required string LandingUrl { get; set; }
    public required string Currency { get; set; }
    public CampaignState State { get; set; } = CampaignState.Active;
    public DateTime CreatedAt { get; init; }

    /// <summary>The follower incentive shown on a claim: "20% off your first order".</summary>
    public string? Offer { get; set; }

    /// <summary>What the follower gets at checkout: a discount code or a percentage.</summary>
    public string? Discount { get; set; }

    /// <summary>What a customer earns per referred purchase, in <see cref="Currency"/>.</summary>
    public decimal? ReferrerReward { get; set; }

    /// <summary>Base commission percent for influencers (tiers may raise it).</summary>
    public decimal CommissionPercent { get; set; } = 10m;

    /// <summary>Paid to an influencer once, when their first purchase lands, in <see cref="Currency"/>.</summary>
    public decimal? FlatFee { get; set; }

    /// <summary>Days after a claim in which a purchase is credited to the referrer.</summary>
    public int AttributionWindowDays { get; set; } = 30;

    /// <summary>Days a reward stays pending after its purchase (the shop's return window) before it can be paid out.</summary>
    public int HoldDays { get; set; } = DefaultHoldDays;

    public const int DefaultHoldDays = 30;

    public DateTime? StartsAt { get; set; }
    public DateTime? EndsAt { get; set; }

    /// <summary>IANA time zone for dates shown and typed, and for quiet hours.</summary>
    public string TimeZone { get; set; } = "UTC";

    public string? Terms { get; set; }

    /// <summary>
    /// Set by <c>/campaign set … language</c>: the language spoken to its members whose app's language the bot does
    /// not speak. Null: the fallback (English).
    /// </summary>
    public string? Language { get; set; }

    /// <summary>
    /// Set by <c>/campaign set … page on</c>: shared links and QR codes open the referrer's own landing page
    /// (<c>/p/{code}</c>) instead of going straight to the shop.
    /// </summary>
    public bool LandingPages { get; set; }

    /// <summary>The disclosure an influencer's share texts end with (advertising codes ask for one); null: the prompt's own.</summary>
    public string? Disclosure { get; set; }

    /// <summary>
    /// The words share texts carry in place of the member's own voice (<c>share-text</c>): the brand's text. Null: the
    /// member's voice, else their referrer's.
    /// </summary>
    public string? ShareText { get; set; }

    /// <summary>The thank-you nudge's Liquid template in place of the prompt file's (<c>nudge-thank-you</c>).</summary>
    public string? ThankYouTemplate { get; set; }

    /// <summary>The share-again nudge's Liquid template in place of the prompt file's (<c>nudge-share-again</c>).</summary>
    public string? ShareAgainTemplate { get; set; }

    /// <summary>Hours after a purchase the buyer is asked to share again (<c>share-again-delay</c>); null: the configured delay.</summary>
    public int? ShareAgainDelayHours { get; set; }

    /// <summary>Set by <c>/campaign set … default yes</c>: what <c>/start</c> without a code joins.</summary>
    public bool IsDefault { get; set; }

    public bool AcceptsClaims => State == CampaignState.Active;

    /// <summary>Active and, at <paramref name="now"/>, inside its start and end dates.</summary>
    public bool AcceptsClaimsAt(DateTime now) => Claims.ClaimRules.ClosedReason(this, now) is null;
}
