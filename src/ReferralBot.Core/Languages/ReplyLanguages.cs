using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Members;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Languages;

/// <summary>
/// The language to answer someone in when no campaign is in hand: their own (<see cref="PersonLanguage"/>), else the
/// default language of the campaign they joined last, else of the campaign <c>/start</c> joins.
/// </summary>
public sealed class ReplyLanguages(LanguageSet languages, ReferralBotDbContext db, CampaignDirectory campaigns)
{
    public async Task<string> ForAsync(Person person, CancellationToken cancellationToken)
    {
        if (languages.Own(person) is { } own) return own;
        var latest = await db.Members.Where(m => m.PersonId == person.Id)
            .OrderByDescending(m => m.JoinedAt).ThenByDescending(m => m.Id)
            .Select(m => m.Campaign.Language).FirstOrDefaultAsync(cancellationToken);
        return languages.Match(latest ?? (await campaigns.DefaultAsync(cancellationToken))?.Language) ?? languages.Fallback;
    }
}
