using System.Text.RegularExpressions;

namespace ReferralBot.Core.Campaigns;

/// <summary>Slugs are lower-case words joined by hyphens: <c>spring-sale</c>.</summary>
public static partial class CampaignSlug
{
    public const int MaxLength = 40;

    public static bool IsValid(string? slug) => slug is not null && slug.Length <= MaxLength && Pattern().IsMatch(slug);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Pattern();
}
