using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Outbound;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Storage;
using ReferralBot.Core.Languages;

namespace ReferralBot.Core.Payouts;

/// <summary>
/// Asks people who are owed a payout but left no details to send <c>/payto</c>, at most once a week each: not when
/// asked in the last 7 days, and the key names the ISO week, so two admins at once cannot ask twice.
/// </summary>
public sealed class PayToReminders(ReferralBotDbContext db, Outbox outbox, PromptRenderer prompts, LanguageSet languages, TimeProvider time)
{
    private const string Prefix = "payto-reminder:";

    /// <summary>How many were asked now (the others were asked this week, or cannot be written to).</summary>
    public async Task<int> AskAsync(Campaign campaign, IReadOnlyList<PayoutCandidate> missing, CancellationToken cancellationToken)
    {
        if (missing.Count == 0) return 0;
        var now = time.GetUtcNow().UtcDateTime;
        var weekAgo = now.AddDays(-7);
        var personIds = missing.Select(c => c.PersonId).ToList();
        var askedLately = (await db.Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.PersonId != null && personIds.Contains(m.PersonId.Value) && m.Key.StartsWith(Prefix) && m.CreatedAt > weekAgo)
                .Select(m => m.PersonId!.Value)
                .ToListAsync(cancellationToken))
            .ToHashSet();
        var people = await db.People.Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var week = string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(now)}-W{ISOWeek.GetWeekOfYear(now):00}");

        var asked = 0;
        foreach (var candidate in missing.Where(c => !askedLately.Contains(c.PersonId)))
        {
            var person = people[candidate.PersonId];
            var reminder = await prompts.TextAsync(PromptName.PayToReminder, new
            {
                Campaign = campaign.Name,
                Amount = MoneyText.Format(candidate.Money.Payable, campaign.Currency),
            }, languages.Of(person, campaign));
            if (outbox.Add(person, $"{Prefix}{person.Id}:{week}", [reminder])) asked++;
        }

        return asked;
    }
}
