using System.Globalization;
using ReferralBot.Core.Links;
using ReferralBot.Core.Prompts;

namespace ReferralBot.Core.Pages;

/// <summary>
/// Renders a landing page (<c>page.liquid</c> with <c>page-style.liquid</c> inlined: nothing is loaded from another
/// host), and the title and description its preview tags, card and inline results share.
/// </summary>
public sealed class LandingPageRenderer(ReferralLinkBuilder links, ChatLinks chatLinks, PromptRenderer prompts, LanguageSet languages)
{
    /// <param name="pageUrl">The address the page was asked for, as its previews should name it.</param>
    /// <param name="source">The link's source tag (ig), kept by the page's language links.</param>
    public async Task<string> HtmlAsync(LandingPage page, string pageUrl, string locale, string? source = null)
    {
        var code = page.Target.Code;
        var texts = await TextsAsync(page, locale);
        var model = new
        {
            Code = code,
            page.Campaign,
            page.Offer,
            DiscountCode = IsCode(page.Discount) ? page.Discount : null,
            DiscountPercent = IsCode(page.Discount) ? null : page.Discount,
            Name = page.OwnerName,
            page.Voice,
            Initials = Initials(page.OwnerName ?? page.Campaign),
            PhotoUrl = page.PhotoVersion is { } version ? links.PhotoUrl(code, version) : null,
            ShopUrl = links.WebLink(code, LinkSource.Page),
            PageUrl = pageUrl,
            CardUrl = links.CardImageUrl(code, ShareCards.VersionOf(page)),
            JoinLinks = chatLinks.For(code),
            texts.Title,
            texts.Description,
            Style = await prompts.RenderPlainAsync(PromptName.PageStyle, null, locale),
            Languages = await SwitcherAsync(languages.Resolve(locale), source),
        };
        return await prompts.RenderAsync(PromptName.Page, model, locale);
    }

    public Task<PageTexts> TextsAsync(LandingPage page, string locale) =>
        TextsAsync(page.Target.Code, page.Campaign, page.Offer, page.OwnerName, page.Voice, locale);

    /// <summary>The title (with the offer) and description (in the owner's words where they have some), as plain text.</summary>
    public async Task<PageTexts> TextsAsync(string code, string campaign, string? offer, string? name, string? voice, string locale)
    {
        var model = new { Code = code, Campaign = campaign, Offer = offer, Name = name, Voice = voice };
        return new PageTexts(
            await prompts.RenderPlainAsync(PromptName.PageTitle, model, locale),
            await prompts.RenderPlainAsync(PromptName.PageDescription, model, locale));
    }

    // Each language named in itself, linking to the page in it.
    private async Task<List<object>> SwitcherAsync(string current, string? source)
    {
        var query = source is null ? "?" : $"?s={Uri.EscapeDataString(source)}&";
        var switcher = new List<object>();
        foreach (var language in languages.All)
        {
            var name = await prompts.RenderPlainAsync(PromptName.LanguageName, null, language);
            switcher.Add(new { Code = language, Name = name, Href = $"{query}lang={Uri.EscapeDataString(language)}", Current = language == current });
        }

        return switcher;
    }

    // A discount is a percentage ("15%", already in the offer's words) or a code to type at checkout.
    private static bool IsCode(string? discount) => discount is not null && !discount.EndsWith('%');

    /// <summary>The first letters of a name's first two words: the picture of someone without a photo.</summary>
    public static string Initials(string name) =>
        string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2).Select(w => StringInfo.GetNextTextElement(w).ToUpperInvariant()));
}

public sealed record PageTexts(string Title, string Description);
