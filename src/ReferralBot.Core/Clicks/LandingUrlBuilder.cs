using System.Text;
using ReferralBot.Core.Members;

namespace ReferralBot.Core.Clicks;

/// <summary>
/// The landing URL with the referral's UTM tags and <c>ref</c> added, and <c>rb_ref</c> when the link carried a
/// buyer's reference (the shop passes it back with the purchase). The landing URL's own query and fragment are
/// kept; where it already names one of our keys, ours replaces it so reports stay consistent.
/// </summary>
public static class LandingUrlBuilder
{
    public const string DefaultSource = "referralbot";

    public const string ReferenceKey = "rb_ref";

    public static string Build(RedirectTarget target, string? source, string? buyerReference = null)
    {
        var url = target.LandingUrl;
        var hash = url.IndexOf('#');
        var fragment = hash < 0 ? "" : url[hash..];
        var withoutFragment = hash < 0 ? url : url[..hash];
        var question = withoutFragment.IndexOf('?');
        var path = question < 0 ? withoutFragment : withoutFragment[..question];
        var query = question < 0 ? "" : withoutFragment[(question + 1)..];

        var ours = new (string Key, string Value)[]
        {
            ("utm_source", source ?? DefaultSource),
            ("utm_medium", "referral"),
            ("utm_campaign", target.CampaignSlug),
            ("utm_content", target.Code),
            ("ref", target.Code),
            (ReferenceKey, MemberReference.IsWellFormed(buyerReference) ? buyerReference! : ""),
        };
        var kept = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !ours.Any(o => string.Equals(KeyOf(pair), o.Key, StringComparison.OrdinalIgnoreCase)));

        var builder = new StringBuilder(path).Append('?');
        builder.AppendJoin('&', kept.Concat(ours.Where(o => o.Value.Length > 0).Select(o => $"{o.Key}={Uri.EscapeDataString(o.Value)}")));
        return builder.Append(fragment).ToString();
    }

    private static string KeyOf(string pair)
    {
        var equals = pair.IndexOf('=');
        return Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
    }
}
