using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Members;
using ReferralBot.Core.Prompts;

namespace ReferralBot.Core.Languages;

/// <summary>The one rule for which language someone is spoken to, wherever a message to them is rendered.</summary>
public static class PersonLanguage
{
    /// <summary>
    /// Theirs (chosen with <c>/language</c>, or their app's on first contact), else their app's now if the bot speaks
    /// it, else the campaign's default (<c>/campaign set … language</c>), else the fallback.
    /// </summary>
    public static string Of(this LanguageSet languages, Person person, Campaign? campaign) =>
        languages.Own(person) ?? languages.Match(campaign?.Language) ?? languages.Fallback;

    /// <summary>The language the person has or their app asks for, when the bot speaks it; null: their campaign decides.</summary>
    public static string? Own(this LanguageSet languages, Person person) =>
        languages.Match(person.Language) ?? languages.Match(person.Locale);
}
