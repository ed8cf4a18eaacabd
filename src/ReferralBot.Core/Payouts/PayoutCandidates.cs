using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Rewards;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Payouts;

/// <summary>Works out a campaign's <see cref="PayoutStanding"/>: the ledger's balances, the members' names and codes, their details.</summary>
public sealed class PayoutCandidates(ReferralBotDbContext db, EarningsQuery earnings, IOptions<PayoutOptions> options)
{
    public async Task<PayoutStanding> ForAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        var balances = await earnings.ByMemberAsync(campaign.Id, cancellationToken);
        var ids = balances.Where(b => b.Value.Payable > 0m || b.Value.OwedBack > 0m).Select(b => b.Key).ToList();
        var members = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.PersonId, m.Person.DisplayName, Code = m.Codes.Where(c => c.IsPrimary).Select(c => c.Value).First() })
            .ToListAsync(cancellationToken);
        var people = members.Select(m => m.PersonId).ToList();
        var accounts = await db.Set<PayoutAccount>().AsNoTracking().Where(a => people.Contains(a.PersonId)).ToDictionaryAsync(a => a.PersonId, cancellationToken);
        var candidates = members
            .Select(m => new PayoutCandidate(m.Id, m.PersonId, m.DisplayName, m.Code, balances[m.Id], accounts.GetValueOrDefault(m.PersonId)))
            .OrderByDescending(c => c.Money.Payable).ThenBy(c => c.MemberId)
            .ToList();
        return new PayoutStanding(candidates, options.Value.MinimumAmount);
    }
}
