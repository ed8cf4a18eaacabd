using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace ReferralBot.Core.Prompts;

/// <summary>
/// The languages the bot speaks: one per folder of prompts (en, ms, ta, zh-Hans), the fallback first. A client's
/// language tag is matched to one of them (<c>zh-CN</c> and <c>zh</c> read zh-Hans, <c>ms-MY</c> reads ms), and each
/// is formatted in its culture in <c>Prompts:Region</c> (zh-Hans-SG, ms-SG, ta-SG, en-SG).
/// </summary>
public sealed class LanguageSet
{
    private readonly ConcurrentDictionary<string, string?> matches = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, CultureInfo> cultures = new(StringComparer.OrdinalIgnoreCase);

    // Tags come from clients, so what is remembered of them is bounded; past it, a rare tag is matched each time.
    private const int MaxMatches = 512;

    public LanguageSet(PromptCatalog catalog, IOptions<PromptOptions> options)
    {
        Fallback = catalog.FallbackLocale;
        All = [Fallback, .. catalog.Locales.Where(l => !string.Equals(l, Fallback, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal)];
        foreach (var language in All) cultures[language] = CultureIn(language, options.Value.Region);
    }

    /// <summary>Every language, as its folder is named: the fallback, then the rest in order.</summary>
    public IReadOnlyList<string> All { get; }

    public string Fallback { get; }

    /// <summary>The language a tag asks for, or null when the bot does not speak it (<c>fr</c>, an empty tag).</summary>
    public string? Match(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag)) return null;
        if (matches.TryGetValue(tag, out var known)) return known;
        var match = Find(tag.Trim().Replace('_', '-'));
        if (matches.Count < MaxMatches) matches.TryAdd(tag, match);
        return match;
    }

    /// <summary>The language to speak: the tag's if the bot speaks it, else the fallback.</summary>
    public string Resolve(string? tag) => Match(tag) ?? Fallback;

    /// <summary>How numbers, money and dates read in the language: its culture in the configured region.</summary>
    public CultureInfo Culture(string? tag) => cultures[Resolve(tag)];

    // Exactly (zh-hans), by the longest language that begins the tag (zh-Hans-SG → zh-Hans), then by the tag's first
    // part alone (zh-CN, zh-TW and zh → zh-Hans; ta-IN → ta).
    private string? Find(string tag)
    {
        var exact = All.FirstOrDefault(l => string.Equals(l, tag, StringComparison.OrdinalIgnoreCase));
        if (exact is not null) return exact;
        var prefix = All.Where(l => tag.StartsWith(l + "-", StringComparison.OrdinalIgnoreCase)).MaxBy(l => l.Length);
        if (prefix is not null) return prefix;
        var primary = Primary(tag);
        return All.FirstOrDefault(l => string.Equals(Primary(l), primary, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The tag's language alone, as Telegram's language_code has it: <c>zh</c> of zh-Hans.</summary>
    public static string Primary(string tag)
    {
        var dash = tag.IndexOf('-');
        return (dash > 0 ? tag[..dash] : tag).ToLowerInvariant();
    }

    // The language as written in the region (zh-Hans-SG), else as itself (zh-Hans where ICU has no zh-Hans-MY).
    private static CultureInfo CultureIn(string language, string region)
    {
        foreach (var name in new[] { $"{language}-{region}", language })
        {
            try
            {
                return CultureInfo.GetCultureInfo(name, predefinedOnly: true);
            }
            catch (CultureNotFoundException)
            {
            }
        }

        return CultureInfo.InvariantCulture;
    }
}
