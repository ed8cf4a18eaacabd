using CsvHelper.Configuration.Attributes;

namespace ReferralBot.Core.Reports;

/// <summary>One member in <c>members-{slug}.csv</c>.</summary>
public sealed record MemberExportRow(
    [property: Name("code")] string Code,
    [property: Name("name")] string Name,
    [property: Name("role")] string Role,
    [property: Name("unique_clicks")] int UniqueClicks,
    [property: Name("sign_ups")] int SignUps,
    [property: Name("purchases")] int Purchases,
    [property: Name("refunded")] int Refunded,
    [property: Name("revenue")] decimal Revenue,
    [property: Name("earnings")] decimal Earnings,
    [property: Name("currency")] string Currency,
    [property: Name("tier")] string? Tier,
    [property: Name("joined_at")] DateTime JoinedAt);
