using System.Text.RegularExpressions;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Tests.Prompts;

namespace ReferralBot.Core.Tests.Languages;

/// <summary>
/// Every language folder of the shipped prompts, against the English one: the same templates, each valid Liquid, using
/// no value the English one is not given, and rendering no Liquid left over. A new language is checked by these
/// as soon as its folder is there.
/// </summary>
public sealed partial class EveryLanguageTests
{
    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "prompts");
    private static readonly string English = Path.Combine(Shipped, "en");

    private static IEnumerable<string> Translations() => Directory.EnumerateDirectories(Shipped).Select(d => Path.GetFileName(d)).Where(l => l != "en");

    public static TheoryData<string> Languages() => new(Translations());

    [Fact]
    public void The_shipped_languages_are_the_four_of_Singapore() =>
        Assert.Equal(["ms", "ta", "zh-Hans"], Translations().Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Languages))]
    public void A_language_has_every_template_and_no_other(string language)
    {
        var names = Directory.EnumerateFiles(Path.Combine(Shipped, language), "*.liquid").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);

        Assert.Equal(PromptName.All.Order(StringComparer.Ordinal), names);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void A_translation_uses_only_the_values_its_english_template_is_given(string language)
    {
        var extra = PromptName.All
            .SelectMany(name => Variables(File.ReadAllText(Path.Combine(Shipped, language, name + ".liquid")))
                .Except(Variables(File.ReadAllText(Path.Combine(English, name + ".liquid"))))
                .Select(variable => $"{name}: {variable}"))
            .ToList();

        Assert.Empty(extra);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_translation_parses_and_renders_no_liquid_left_over(string language)
    {
        var renderer = PromptCatalogTests.Renderer(Shipped);
        var leftOver = new List<string>();
        foreach (var name in PromptName.All)
        {
            var translated = await renderer.RenderAsync(name, null, language);
            var english = await renderer.RenderAsync(name, null, "en");
            if (LiquidMarks().Count(translated) != LiquidMarks().Count(english)) leftOver.Add($"{name}: {translated}");
        }

        Assert.Empty(leftOver);
    }

    [Fact]
    public void The_variable_check_sees_values_loops_and_assignments_but_not_filters_strings_or_locals()
    {
        const string source = """
            {{ name | quantity: "sign-up" }} {% if offer and reward > 0 %}{{ card.web_link }}{% endif %}
            {%- for m in top limit: 3 %}{{ m.purchases | count }}{{ forloop.index }}{% endfor %}
            {%- assign s = standing -%}{{ s.tier }}{% assign one = "click" %}{{ one }}{% capture why %}x{% endcapture %}{{ why }}
            {% case state %}{% when "paid" %}{{ lines.size }}{% endcase %}{% raw %}{{ not_a_value }}{% endraw %}
            """;

        Assert.Equal(
            ["card.web_link", "lines", "name", "offer", "reward", "standing", "standing.tier", "state", "top", "top[].purchases"],
            Variables(source).Order(StringComparer.Ordinal));
    }

    // The values a template reads, as paths from its model: card.web_link, top[].purchases (a loop's item).
    private static HashSet<string> Variables(string source)
    {
        var aliases = new Dictionary<string, string?>(StringComparer.Ordinal) { ["forloop"] = null };
        var found = new HashSet<string>(StringComparer.Ordinal);
        void Read(string expression)
        {
            var filters = expression.Split('|');
            foreach (var (part, i) in filters.Select((p, i) => (p, i)))
            {
                var arguments = i == 0 ? part : part.Contains(':') ? part[(part.IndexOf(':') + 1)..] : "";
                foreach (Match path in Paths().Matches(arguments))
                {
                    if (Resolve(path.Value) is { } resolved) found.Add(resolved);
                }
            }
        }

        string? Resolve(string path)
        {
            var parts = path.Split('.').ToList();
            if (Keywords.Contains(parts[0])) return null;
            if (aliases.TryGetValue(parts[0], out var target))
            {
                if (target is null) return null;
                parts[0] = target;
            }

            if (parts.Count > 1 && parts[^1] is "size" or "first" or "last") parts.RemoveAt(parts.Count - 1);
            return string.Join('.', parts);
        }

        foreach (Match tag in Tags().Matches(Raw().Replace(source, "")))
        {
            var body = Strings().Replace(tag.Groups["body"].Value, "\"\"").Trim();
            if (tag.Value.StartsWith("{{", StringComparison.Ordinal))
            {
                Read(body);
                continue;
            }

            var words = body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var rest = words.Length > 1 ? body[(body.IndexOf(words[1], StringComparison.Ordinal))..] : "";
            switch (words[0])
            {
                case "for":
                    var collection = Resolve(words[3]);
                    if (collection is not null) found.Add(collection);
                    aliases[words[1]] = collection is null ? null : collection + "[]";
                    break;
                case "assign":
                    var value = body[(body.IndexOf('=') + 1)..].Trim();
                    Read(value);
                    aliases[words[1]] = Paths().Match(value) is { Success: true, Index: 0 } first ? Resolve(first.Value) : null;
                    break;
                case "capture":
                    aliases[words[1]] = null;
                    break;
                case "if" or "elsif" or "unless" or "case" or "when":
                    Read(rest);
                    break;
            }
        }

        return found;
    }

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "and", "or", "not", "contains", "true", "false", "nil", "null", "empty", "blank", "in", "limit", "offset", "reversed",
    };

    [GeneratedRegex(@"\{\{-?(?<body>.*?)-?\}\}|\{%-?(?<body>.*?)-?%\}", RegexOptions.Singleline)]
    private static partial Regex Tags();

    [GeneratedRegex(@"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}", RegexOptions.Singleline)]
    private static partial Regex Raw();

    [GeneratedRegex("\"[^\"]*\"|'[^']*'")]
    private static partial Regex Strings();

    [GeneratedRegex(@"(?<![\w.])[A-Za-z_]\w*(\.[A-Za-z_]\w*)*")]
    private static partial Regex Paths();

    [GeneratedRegex(@"\{\{|\{%")]
    private static partial Regex LiquidMarks();
}
