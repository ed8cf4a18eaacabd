using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Administration;
using ReferralBot.Core.Clicks;
using ReferralBot.Core.Experiments;
using ReferralBot.Core.Members;
using ReferralBot.Core.Nudges;
using ReferralBot.Core.Outbound;
using ReferralBot.Core.Pages;
using ReferralBot.Core.Payouts;
using ReferralBot.Core.Purchases;
using ReferralBot.Core.Rewards;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Privacy;

/// <summary>
/// Everything stored about one person, as one JSON document (<c>/mydata</c>): who they are to the bot, each membership
/// with its codes, the claim that brought them, the claims of their codes (when, not who), clicks, purchases they made
/// or referred, rewards, the messages and nudges for them, the experiment variants they were given, and the admin
/// changes they made. Other people appear only as counts and dates.
/// </summary>
public sealed class PersonalDataExport(ReferralBotDbContext db, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<byte[]> ForAsync(Person person, CancellationToken cancellationToken)
    {
        var members = await db.Members.AsNoTracking().Where(m => m.PersonId == person.Id)
            .Include(m => m.Campaign).Include(m => m.Codes).OrderBy(m => m.JoinedAt).ToListAsync(cancellationToken);
        var memberIds = members.Select(m => m.Id).ToList();
        var refunded = db.Set<Refund>().Select(r => r.PurchaseId);

        var memberships = new List<object>();
        foreach (var member in members)
        {
            memberships.Add(new
            {
                Campaign = member.Campaign.Slug,
                Role = member.Role.ToString().ToLowerInvariant(),
                member.JoinedAt,
                Codes = member.Codes.Select(c => c.Value).ToList(),
                BuyerReference = member.Reference,
                member.Voice,
                member.FlatFee,
                JoinedWith = await db.Claims.AsNoTracking().Where(c => c.ReferredMemberId == member.Id)
                    .Select(c => new { c.Code, Via = c.Via.ToString(), c.ClaimedAt }).SingleOrDefaultAsync(cancellationToken),
                SignUpsWithYourCode = await db.Claims.AsNoTracking().Where(c => c.ReferrerMemberId == member.Id).OrderBy(c => c.ClaimedAt)
                    .Select(c => new { c.Code, c.ClaimedAt }).ToListAsync(cancellationToken),
                Clicks = await db.Set<ClickTally>().AsNoTracking().Where(t => t.MemberId == member.Id)
                    .Select(t => new { Kind = t.Kind == VisitKind.PageView ? "page view" : "click", Source = t.Source == "" ? null : t.Source, t.Clicks, t.UniqueClicks }).ToListAsync(cancellationToken),
                PurchasesYouReferred = await db.Set<Purchase>().AsNoTracking().Where(p => p.ReferrerMemberId == member.Id).OrderBy(p => p.OccurredAt)
                    .Select(p => new { p.OrderId, p.Amount, p.Currency, p.OccurredAt, Credited = p.NotCreditedReason == null, Refunded = refunded.Contains(p.Id) })
                    .ToListAsync(cancellationToken),
                Rewards = await db.Set<LedgerEntry>().AsNoTracking().Where(e => e.MemberId == member.Id).OrderBy(e => e.Id)
                    .Select(e => new { Kind = LedgerKindNames.Of(e.Kind), e.Amount, e.Currency, OrderId = (string?)e.Purchase!.OrderId, e.RatePercent, e.TierName, Reversal = e.ReversesEntryId != null, e.CreatedAt, e.PayableAt })
                    .ToListAsync(cancellationToken),
                Payouts = await db.Set<PayoutLine>().AsNoTracking().Where(l => l.MemberId == member.Id).OrderBy(l => l.Id)
                    .Select(l => new { l.Reference, l.Amount, l.Batch.Currency, PaidTo = l.Masked, State = l.Batch.State.ToString(), l.Batch.CreatedAt, l.Batch.SettledAt })
                    .ToListAsync(cancellationToken),
            });
        }

        var document = new
        {
            ExportedAt = time.GetUtcNow().UtcDateTime,
            Person = new
            {
                person.Channel,
                UserId = person.ExternalId,
                person.DisplayName,
                person.Username,
                person.Locale,
                person.Language,
                person.FirstSeenAt,
                person.LastSeenAt,
                person.StoppedAt,
                person.UnreachableAt,
                person.ErasedAt,
                person.HiddenFromLeaderboards,
            },
            Memberships = memberships,
            // The picture itself is on their landing page; here, that one is kept and where it came from.
            Photo = await db.Set<PersonPhoto>().AsNoTracking().Where(p => p.PersonId == person.Id && p.Jpeg != null)
                .Select(p => new { Origin = p.Origin == PhotoOrigin.Sent ? "sent with /photo" : "profile photo", Bytes = p.Jpeg!.Length, p.UpdatedAt })
                .SingleOrDefaultAsync(cancellationToken),
            // Masked, as everywhere but a payout file.
            PayoutDetails = await db.Set<PayoutAccount>().AsNoTracking().Where(a => a.PersonId == person.Id)
                .Select(a => new { Method = a.Method.ToString(), a.Masked, a.UpdatedAt }).SingleOrDefaultAsync(cancellationToken),
            PurchasesYouMade = await db.Set<Purchase>().AsNoTracking()
                .Where(p => p.BuyerMemberId != null && memberIds.Contains(p.BuyerMemberId.Value)
                    || p.CustomerChannel == person.Channel && p.CustomerUserId == person.ExternalId)
                .OrderBy(p => p.OccurredAt)
                .Select(p => new { p.OrderId, p.Amount, p.Currency, p.Discount, p.OccurredAt, p.Code, Refunded = refunded.Contains(p.Id) })
                .ToListAsync(cancellationToken),
            Messages = (await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.PersonId == person.Id && !m.Key.StartsWith(Outbox.ReplyPrefix)).OrderBy(m => m.Id).ToListAsync(cancellationToken))
                .Select(m => new { m.Key, m.CreatedAt, m.DueAt, m.SentAt, m.DroppedAt, m.DropReason, Content = JsonDocument.Parse(m.Payload).RootElement }),
            Nudges = await db.Set<Nudge>().AsNoTracking().Where(n => n.PersonId == person.Id).OrderBy(n => n.Id)
                .Select(n => new { Kind = n.Kind.ToString(), n.OrderId, n.DueAt, State = n.State.ToString(), n.Reason, n.SettledAt })
                .ToListAsync(cancellationToken),
            // The A/B tests they were part of and the version they were given (it decides what they and their friends saw).
            Experiments = await db.Set<ExperimentExposure>().AsNoTracking().Where(x => x.PersonId == person.Id).OrderBy(x => x.Id)
                .Join(db.Set<Experiment>(), x => x.ExperimentId, e => e.Id, (x, e) => new { x, e })
                .Join(db.Set<ExperimentVariant>(), xe => xe.x.VariantId, v => v.Id, (xe, v) => new
                {
                    Experiment = xe.e.Name, Campaign = xe.e.Campaign.Slug, xe.e.Setting, Variant = v.Label, Shown = v.Value, xe.x.ExposedAt,
                })
                .ToListAsync(cancellationToken),
            ChangesYouMadeAsAdmin = await db.Set<AuditEntry>().AsNoTracking().Where(a => a.Actor == person.Address).OrderBy(a => a.Id)
                .Select(a => new { a.At, a.Action, a.OldValue, a.NewValue }).ToListAsync(cancellationToken),
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, Json);
    }
}
