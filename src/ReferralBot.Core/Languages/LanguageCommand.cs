using System.Globalization;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Languages;

/// <summary>
/// <c>/language</c>: the languages the bot speaks as buttons, each named in itself; <c>/language zh-Hans</c> (or zh, 中文,
/// Malay…) makes it theirs, answered in it. One it does not speak is answered with the buttons, and changes nothing.
/// </summary>
public sealed class LanguageCommand(ReferralBotDbContext db, LanguageSet languages, PromptRenderer prompts) : IChatCommand
{
    public string Name => "language";

    public string? MenuPrompt => PromptName.MenuLanguage;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var current = context.Locale;
        if (context.Arguments.Count == 0)
            return [await prompts.TextAsync(PromptName.LanguageMenu, new { Current = await NameAsync(current) }, current, await ButtonsAsync())];

        var asked = string.Join(' ', context.Arguments);
        if (await FindAsync(asked) is not { } chosen)
            return [await prompts.TextAsync(PromptName.LanguageUnknown, new { Value = asked, Codes = languages.All }, current, await ButtonsAsync())];

        var already = context.Person.Language == chosen && current == chosen;
        context.Person.Language = chosen;
        await db.SaveChangesAsync(cancellationToken);
        return [await prompts.TextAsync(PromptName.LanguageSet, new { Already = already }, chosen)];
    }

    private async Task<ReplyButton[]> ButtonsAsync()
    {
        var buttons = new List<ReplyButton>();
        foreach (var language in languages.All) buttons.Add(ReplyButton.Command(await NameAsync(language), $"/language {language}"));
        return [.. buttons];
    }

    private Task<string> NameAsync(string language) => prompts.RenderPlainAsync(PromptName.LanguageName, null, language);

    // A tag (zh-Hans, zh, ms-MY), or a language's name as it calls itself (中文, Bahasa Melayu) or in English (Chinese, Malay).
    private async Task<string?> FindAsync(string asked)
    {
        if (languages.Match(asked) is { } byTag) return byTag;
        foreach (var language in languages.All)
        {
            var culture = languages.Culture(language).Parent; // ms of ms-SG, zh-Hans of zh-Hans-SG
            string[] names = [await NameAsync(language), culture.NativeName, culture.EnglishName, English(culture)];
            if (names.Any(n => string.Equals(n, asked, StringComparison.OrdinalIgnoreCase))) return language;
        }

        return null;
    }

    // "Chinese (Simplified)" → "Chinese"
    private static string English(CultureInfo culture) => culture.EnglishName.Split(" (")[0];
}
