using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Experiments;
using ReferralBot.Core.Inbound;
using ReferralBot.Core.Members;
using ReferralBot.Core.Outbound;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Languages;

namespace ReferralBot.Core.Claims;

/// <summary>
/// The claim almost every claim is: someone not yet in the code's campaign opens its deep link (<c>/start CODE</c>
/// in a private chat). It is decided and written as one item of the store's group commit (<see cref="INewcomerClaimStore"/>):
/// the update's receipt, their person, their membership with a fresh customer code, the claim, the referrer's notice
/// and the claimant's answer, in one transaction with other people's claims. Items run one after the other, so what an
/// item reads cannot change before it writes. The rules are the general path's (<see cref="ClaimRules"/>).
/// Anything else (an unknown or malformed code, a campaign not taking sign-ups, someone already in the campaign: their
/// own code, a second claim, a circular one) returns null before anything is written, and the general path
/// (<see cref="ClaimService"/> through the chat commands) answers it, as it does if this path fails.
/// The outcome's members and people are detached copies made for the reply: their ids are not set.
/// </summary>
public sealed partial class FreshClaims(
    INewcomerClaimStore store,
    CodeLengthHints codeLengths,
    PromptRenderer prompts,
    ClaimReplies replies,
    LanguageSet languages,
    TimeProvider time,
    ILogger<FreshClaims> logger)
{
    /// <summary>A <c>/start CODE</c> with a well-formed code, in a private chat.</summary>
    private static bool TryMatch(InboundMessage message, [NotNullWhen(true)] out string? code)
    {
        code = null;
        return message.IsPrivateChat && !message.IsButtonPress
            && CommandLine.Parse(message.Text) is { Name: "start", Arguments: [var first, ..] }
            && CodeFormat.TryNormalize(first, out code);
    }

    /// <summary>
    /// The claim made and its replies (stored), a delivery seen before, or null when this is not a fresh claim
    /// (nothing was written; take the general path).
    /// </summary>
    public async Task<InboundResult?> TryClaimAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        if (!TryMatch(message, out var code)) return null;
        // Everything that needs no row is worked out before the writer's turn: it runs one item at a time.
        var claim = new Attempt(message, code, SenderDetails.From(message, languages), MemberReference.New(), time.GetUtcNow().UtcDateTime);
        Written? written;
        try
        {
            written = await store.RunAsync(rows => ClaimAsync(rows, claim), cancellationToken);
        }
        catch (DbException ex)
        {
            LogFellBack(logger, ex, message.Channel, LoggedText.Of(message.UserId), code);
            return null;
        }

        if (written is null) return null;
        if (written.Outcome is null) return InboundResult.SeenBefore;
        var claimed = written.Outcome;
        LogJoined(logger, LoggedText.Of(claimed.Member.Person.Address), claimed.Member.Campaign.Slug, claimed.Member.PrimaryCode);
        LogClaimed(logger, LoggedText.Of(claimed.Member.Person.Address), code, claimed.Member.Campaign.Slug, ClaimVia.DeepLink);
        return new InboundResult(await written.Replies);
    }

    private sealed record Attempt(InboundMessage Message, string Code, SenderDetails Sender, string Reference, DateTime Now);

    // Outcome is null for a delivery already handled.
    private sealed record Written(ClaimOutcome.Claimed? Outcome, Task<IReadOnlyList<Reply>> Replies);

    private static readonly Written AlreadyHandled = new(null, Task.FromResult<IReadOnlyList<Reply>>([]));

    private async ValueTask<Written?> ClaimAsync(INewcomerClaimRows rows, Attempt claim)
    {
        var (message, code, sender, now) = (claim.Message, claim.Code, claim.Sender, claim.Now);
        if (message.DeliveryId is { } deliveryId && rows.WasDelivered(message.Channel, deliveryId)) return AlreadyHandled;
        if (rows.FindReferrer(code) is not { } found || !found.Campaign.AcceptsClaimsAt(now) || found.GeneralPath) return null;
        var referrer = found.Member;

        var personId = rows.FindPerson(message.Channel, message.UserId);
        if (personId is { } known && rows.IsMember(referrer.CampaignId, known)) return null;
        if (personId is { } existing) sender = sender with { Language = rows.UpdatePerson(existing, sender, now) };
        else personId = rows.AddPerson(message.Channel, message.UserId, sender, now);

        var newCode = await CustomerCodeGenerator.GenerateAsync(sender.DisplayName, codeLengths, candidates => Task.FromResult(rows.TakenCodes(candidates)));
        var memberId = rows.AddMember(referrer.CampaignId, personId.Value, claim.Reference, newCode, now);
        rows.AddClaim(referrer.CampaignId, memberId, found.MemberId, code, now);

        var signUps = rows.CountSignUp(found.MemberId);
        if (message.DeliveryId is { } handled) rows.AddReceipt(message.Channel, handled, now);

        // The messages are rendered off the writer, while it goes on with the batch's other claims, and stored before
        // the batch commits: in the same transaction as the claim.
        var outcome = Outcome(claim with { Sender = sender }, found, personId.Value, newCode);
        var rendering = Task.Run(async () =>
        {
            var answer = await replies.ForAsync(outcome, languages.Of(outcome.Member.Person, found.Campaign));
            var notice = found.Reachable ? await ReferrerNotice.RenderAsync(prompts, sender.DisplayName, found.Campaign.Name, code, await signUps, languages.Of(referrer.Person, found.Campaign)) : null;
            return (Notice: notice is null ? null : Outbox.Serialize([notice]), Answer: answer, AnswerPayload: Outbox.Serialize(answer));
        });
        var claimantId = personId.Value;
        rows.BeforeCommit(async () =>
        {
            var (notice, _, answer) = await rendering;
            if (notice is not null)
            {
                rows.AddOutboxMessage(ReferrerNotice.Key(referrer.CampaignId, claimantId), referrer.PersonId,
                    referrer.Person.Channel, referrer.Person.PrivateChatId!, notice, now);
            }

            rows.AddOutboxMessage(Outbox.ReplyKey(message), claimantId, message.Channel, message.ChatId, answer, now);
        });
        return new Written(outcome, rendering.ContinueWith(r => r.Result.Answer, TaskScheduler.Default));
    }

    // Detached copies for the reply.
    private static ClaimOutcome.Claimed Outcome(Attempt claim, NewcomerReferrer found, int personId, string newCode)
    {
        var (message, sender, now, referrer) = (claim.Message, claim.Sender, claim.Now, found.Member);
        var claimant = new Person
        {
            Channel = message.Channel, ExternalId = message.UserId, DisplayName = sender.DisplayName, Username = sender.Username,
            Locale = sender.Locale, Language = sender.Language, PrivateChatId = sender.PrivateChatId, FirstSeenAt = now, LastSeenAt = now,
        };
        var member = new Member
        {
            CampaignId = referrer.CampaignId, Campaign = found.Campaign, PersonId = personId, Person = claimant, JoinedAt = now,
            Reference = claim.Reference,
        };
        member.Codes.Add(new ReferralCode { Value = newCode, IsPrimary = true, CreatedAt = now });
        // No experiment runs on the campaign (the general path takes those claims): everyone shares its own terms.
        var terms = CampaignTerms.Of(found.Campaign);
        return new ClaimOutcome.Claimed(member, referrer, claim.Code, JoinedNow: true, terms, terms);
    }

    [LoggerMessage(LogLevel.Information, "{Person} joined {Campaign} with code {Code}")]
    private static partial void LogJoined(ILogger logger, string person, string campaign, string code);

    [LoggerMessage(LogLevel.Information, "{Person} claimed {Code} in {Campaign} via {Via}")]
    private static partial void LogClaimed(ILogger logger, string person, string code, string campaign, ClaimVia via);

    [LoggerMessage(LogLevel.Warning, "The fresh claim of {Code} by {Channel}:{UserId} failed; the general path takes it")]
    private static partial void LogFellBack(ILogger logger, Exception exception, string channel, string userId, string code);
}
