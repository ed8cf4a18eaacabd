using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Administration;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Members;

/// <summary>
/// Makes a person an influencer of a campaign with a vanity code. A code they had before stays theirs (no longer
/// primary), so links already shared keep counting for them.
/// </summary>
public sealed class InfluencerEnrollment(ReferralBotDbContext db, AuditLog audit, TimeProvider time)
{
    public sealed record Result(Member Member, string? EarlierCode);

    /// <summary>Null when the code belongs to someone else (the caller says so); nothing changes then.</summary>
    public async Task<Result?> EnrollAsync(string actor, Campaign campaign, Person person, string code, decimal? flatFee, CancellationToken cancellationToken)
    {
        var owner = await db.Codes.Include(c => c.Member).SingleOrDefaultAsync(c => c.Value == code, cancellationToken);
        var member = await db.Members.Include(m => m.Codes).Include(m => m.Person).Include(m => m.Campaign)
            .SingleOrDefaultAsync(m => m.CampaignId == campaign.Id && m.PersonId == person.Id, cancellationToken);
        if (owner is not null && owner.MemberId != member?.Id) return null;

        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await AtomicWork.BeginAsync(db, cancellationToken);
        member ??= db.Members.Add(new Member { CampaignId = campaign.Id, PersonId = person.Id, JoinedAt = now, Reference = MemberReference.New() }).Entity;
        var earlier = member.Codes.FirstOrDefault(c => c.IsPrimary && c.Value != code);
        if (earlier is not null)
        {
            // The old primary lets go first: one primary code per member is a unique index.
            earlier.IsPrimary = false;
            await db.SaveChangesAsync(cancellationToken);
        }

        if (owner is null) member.Codes.Add(new ReferralCode { Value = code, IsPrimary = true, CreatedAt = now });
        else owner.IsPrimary = true;
        var before = $"{member.Role} {earlier?.Value ?? owner?.Value} {CampaignSettings.Money(member.FlatFee, campaign)}".Trim();
        (member.Role, member.FlatFee) = (MemberRole.Influencer, flatFee ?? member.FlatFee);
        audit.Record(actor, campaign.Id, "influencer.set", before, $"{person.Address} {code} {CampaignSettings.Money(member.FlatFee, campaign)}".Trim());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Result(member, earlier?.Value);
    }
}
