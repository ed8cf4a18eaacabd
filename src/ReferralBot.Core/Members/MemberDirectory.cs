using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Members;

/// <summary>Who is talking, and their memberships: found or created, safely under concurrent messages.</summary>
public sealed partial class MemberDirectory(
    ReferralBotDbContext db,
    CustomerCodeGenerator codes,
    LanguageSet languages,
    TimeProvider time,
    ILogger<MemberDirectory> logger)
{
    private const int MaxAttempts = 5;

    public async Task<Person> IdentifyAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        for (var attempt = 1; ; attempt++)
        {
            var person = await db.People.SingleOrDefaultAsync(
                p => p.Channel == message.Channel && p.ExternalId == message.UserId, cancellationToken);
            if (person is null)
            {
                person = new Person { Channel = message.Channel, ExternalId = message.UserId, DisplayName = "", FirstSeenAt = now };
                db.People.Add(person);
            }

            var sender = SenderDetails.From(message, languages);
            person.DisplayName = sender.DisplayName;
            person.Username = sender.Username ?? person.Username;
            person.Locale = sender.Locale;
            person.Language ??= sender.Language;
            person.LastSeenAt = now;
            if (sender.PrivateChatId is not null)
            {
                person.PrivateChatId = sender.PrivateChatId;
                person.UnreachableAt = null; // writing to us again means we can write back
            }

            // Someone erased who writes again is known again (by what they just sent); they stay stopped until /resume.
            person.ErasedAt = null;
            // Someone known is saved with whatever else their message writes (read-only commands write nothing before
            // the pipeline's commit); someone new is saved now, to have an id.
            if (db.HoldsTransaction && person.Id != 0) return person;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return person;
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex) && attempt < MaxAttempts)
            {
                db.ChangeTracker.Clear(); // another message of theirs created them first
            }
        }
    }

    public Task<List<Member>> MembershipsAsync(int personId, CancellationToken cancellationToken) =>
        db.Members.Include(m => m.Campaign).Include(m => m.Person).Include(m => m.Codes)
            .Where(m => m.PersonId == personId)
            .OrderByDescending(m => m.JoinedAt).ThenByDescending(m => m.Id)
            .ToListAsync(cancellationToken);

    public Task<Member?> FindAsync(int personId, int campaignId, CancellationToken cancellationToken) =>
        db.Members.Include(m => m.Campaign).Include(m => m.Person).Include(m => m.Codes)
            .SingleOrDefaultAsync(m => m.PersonId == personId && m.CampaignId == campaignId, cancellationToken);

    /// <summary>The person's membership of the campaign, joining them with a fresh customer code if needed.</summary>
    public async Task<(Member Member, bool Joined)> JoinAsync(Person person, Campaign campaign, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var existing = await FindAsync(person.Id, campaign.Id, cancellationToken);
            if (existing is not null) return (existing, false);

            var member = await EnrollAsync(person, campaign, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                Joined(person, campaign, member);
                return (member, true);
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex) && attempt < MaxAttempts)
            {
                // Either they joined from another message just now, or the code was taken in between.
                FailedSave.ForgetInserts(db);
            }
        }
    }

    /// <summary>
    /// A new membership of the campaign with a fresh customer code, added to the context for the caller to save with
    /// whatever else it writes; the caller settles a unique violation (they joined meanwhile, or the code was taken).
    /// </summary>
    public async Task<Member> EnrollAsync(Person person, Campaign campaign, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var code = await codes.GenerateAsync(person.DisplayName, cancellationToken);
        var member = new Member { CampaignId = campaign.Id, PersonId = person.Id, JoinedAt = now, Reference = MemberReference.New() };
        member.Codes.Add(new ReferralCode { Value = code, IsPrimary = true, CreatedAt = now });
        db.Members.Add(member);
        return member;
    }

    /// <summary>Logs a membership saved by <see cref="EnrollAsync"/>'s caller.</summary>
    public void Joined(Person person, Campaign campaign, Member member) => LogJoined(logger, LoggedText.Of(person.Address), campaign.Slug, member.PrimaryCode);

    [LoggerMessage(LogLevel.Information, "{Person} joined {Campaign} with code {Code}")]
    private static partial void LogJoined(ILogger logger, string person, string campaign, string code);
}
