using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using ReferralBot.Core.Conversation;

namespace ReferralBot.Core.Prompts;

/// <summary>
/// Renders prompts. Values are HTML-escaped on the way in (the templates' own markup is not), so a display
/// name like <c>&lt;b&gt;Bob</c> can never format or break a message.
/// </summary>
public sealed class PromptRenderer
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly PromptCatalog catalog;
    private readonly LanguageSet languages;
    private readonly TemplateOptions options;

    public PromptRenderer(PromptCatalog catalog, LanguageSet languages, TimeProvider time)
    {
        this.catalog = catalog;
        this.languages = languages;
        options = new TemplateOptions { MemberAccessStrategy = new UnsafeMemberAccessStrategy(), Now = time.GetUtcNow };
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        HumanizerFilters.Register(options);
    }

    /// <summary>The prompt in the language the tag asks for (<see cref="LanguageSet.Match"/>), else in the fallback.</summary>
    public async Task<string> RenderAsync(string name, object? model, string? locale)
    {
        var context = new TemplateContext(model ?? new object(), options) { CultureInfo = languages.Culture(locale) };
        var text = await catalog.Get(name, languages.Resolve(locale)).RenderAsync(context, Encoder);
        return text.Trim();
    }

    /// <summary>
    /// An admin's own template in place of the prompt file (a campaign's <c>nudge-thank-you</c>), rendered as a prompt is:
    /// values escaped, its own markup kept. It was checked when it was set; one that no longer parses says so by throwing.
    /// </summary>
    public async Task<TextReply> TextFromSourceAsync(string source, object? model, string? locale, params IReadOnlyList<ReplyButton> buttons)
    {
        var template = Sources.TryGetValue(source, out var parsed) ? parsed : Parse(source);
        var context = new TemplateContext(model ?? new object(), options) { CultureInfo = languages.Culture(locale) };
        return new TextReply((await template.RenderAsync(context, Encoder)).Trim(), buttons);
    }

    // Parsed once each; a handful of admins' templates, bounded all the same.
    private static readonly FluidParser SourceParser = new();
    private static readonly ConcurrentDictionary<string, IFluidTemplate> Sources = new(StringComparer.Ordinal);

    private static IFluidTemplate Parse(string source)
    {
        if (!SourceParser.TryParse(source, out var template, out var error)) throw new InvalidOperationException($"A campaign's template does not parse: {error}");
        if (Sources.Count < 256) Sources.TryAdd(source, template);
        return template;
    }

    /// <summary>The template rendered as plain text (labels, share texts): no markup, nothing escaped.</summary>
    public async Task<string> RenderPlainAsync(string name, object? model, string? locale)
    {
        var context = new TemplateContext(model ?? new object(), options) { CultureInfo = languages.Culture(locale) };
        var text = await catalog.Get(name, languages.Resolve(locale)).RenderAsync(context, NullEncoder.Default);
        return text.Trim();
    }

    public async Task<TextReply> TextAsync(string name, object? model, string? locale, params IReadOnlyList<ReplyButton> buttons) =>
        new(await RenderAsync(name, model, locale), buttons);
}
