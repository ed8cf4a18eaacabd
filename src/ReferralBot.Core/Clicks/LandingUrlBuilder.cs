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

    // Ours, in the order they are added; a landing URL's own parameter of the same name is dropped.
    private static readonly string[] OurKeys = ["utm_source", "utm_medium", "utm_campaign", "utm_content", "ref", ReferenceKey];

    /// <remarks>Runs on every redirect, so it walks the URL once and builds the result in one buffer.</remarks>
    public static string Build(RedirectTarget target, string? source, string? buyerReference = null)
    {
        var url = target.LandingUrl.AsSpan();
        var hash = url.IndexOf('#');
        var fragment = hash < 0 ? [] : url[hash..];
        var withoutFragment = hash < 0 ? url : url[..hash];
        var question = withoutFragment.IndexOf('?');
        var path = question < 0 ? withoutFragment : withoutFragment[..question];
        var query = question < 0 ? [] : withoutFragment[(question + 1)..];

        var builder = new StringBuilder(url.Length + 160).Append(path).Append('?');
        foreach (var range in query.Split('&'))
        {
            var pair = query[range];
            if (pair.IsEmpty || IsOurs(pair)) continue;
            builder.Append(pair).Append('&');
        }

        Append(builder, "utm_source", source ?? DefaultSource).Append('&');
        Append(builder, "utm_medium", "referral").Append('&');
        Append(builder, "utm_campaign", target.CampaignSlug).Append('&');
        Append(builder, "utm_content", target.Code).Append('&');
        Append(builder, "ref", target.Code);
        if (MemberReference.IsWellFormed(buyerReference)) Append(builder.Append('&'), ReferenceKey, buyerReference!);
        return builder.Append(fragment).ToString();
    }

    private static StringBuilder Append(StringBuilder builder, string key, string value) =>
        builder.Append(key).Append('=').Append(Uri.EscapeDataString(value));

    private static bool IsOurs(ReadOnlySpan<char> pair)
    {
        var equals = pair.IndexOf('=');
        var key = equals < 0 ? pair : pair[..equals];
        // A key is compared as it reads once unescaped (utm%5Fsource is utm_source); most have nothing to unescape.
        var unescaped = key.Contains('%') ? Uri.UnescapeDataString(key.ToString()).AsSpan() : key;
        foreach (var ours in OurKeys)
            if (unescaped.Equals(ours, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
