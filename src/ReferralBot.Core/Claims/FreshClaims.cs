using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Extensions.Logging;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Inbound;
using ReferralBot.Core.Members;
using ReferralBot.Core.Outbound;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Claims;

/// <summary>
/// The claim almost every claim is: someone not yet in the code's campaign opens its deep link (<c>/start CODE</c>
/// in a private chat). It is decided and written as one item of a group commit (<see cref="GroupCommitWriter"/>):
/// the update's receipt, their person, their membership with a fresh customer code, the claim, the referrer's notice
/// and the claimant's reply, in the same transaction as other people's claims, on statements prepared once. The writer runs items one after
/// the other, so what an item reads cannot change before it writes.
/// Anything else (an unknown or malformed code, a campaign not taking sign-ups, someone already in the campaign: their
/// own code, a second claim, a circular one) returns null before anything is written, and the general path
/// (<see cref="ClaimService"/> through the chat commands) answers it, as it does if this path fails.
/// The outcome's members and people are detached copies made for the reply: their ids are not set.
/// </summary>
public sealed partial class FreshClaims(
    GroupCommitWriter writes,
    CodeLengthHints codeLengths,
    PromptRenderer prompts,
    ClaimReplies replies,
    TimeProvider time,
    ILogger<FreshClaims> logger)
{
    /// <summary>A <c>/start CODE</c> with a well-formed code, in a private chat.</summary>
    public static bool TryMatch(InboundMessage message, [NotNullWhen(true)] out string? code)
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
        var claim = new Attempt(message, code, SenderDetails.From(message), MemberReference.New(), time.GetUtcNow().UtcDateTime);
        Written? written;
        try
        {
            written = await writes.RunAsync(session => ClaimAsync(session, claim), cancellationToken);
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
        return new InboundResult(written.Replies);
    }

    private sealed record Attempt(InboundMessage Message, string Code, SenderDetails Sender, string Reference, DateTime Now);

    // Outcome is null for a delivery already handled.
    private sealed record Written(ClaimOutcome.Claimed? Outcome, IReadOnlyList<Reply> Replies);

    private static readonly Written AlreadyHandled = new(null, []);

    private async ValueTask<Written?> ClaimAsync(WriteSession session, Attempt claim)
    {
        var (message, code, sender, now) = (claim.Message, claim.Code, claim.Sender, claim.Now);
        if (message.DeliveryId is { } deliveryId && session.Scalar(Sql.FindReceipt, message.Channel, deliveryId) is not null) return AlreadyHandled;
        if (ReadReferrer(session, code) is not { } found || !found.Campaign.AcceptsClaimsAt(now)) return null;
        var referrer = found.Member;

        var personId = session.Scalar(Sql.FindPerson, message.Channel, message.UserId) is { } id ? Convert.ToInt32(id, CultureInfo.InvariantCulture) : (int?)null;
        if (personId is { } known && session.Scalar(Sql.FindMembership, referrer.CampaignId, known) is not null) return null;

        if (personId is { } existing)
            session.Execute(Sql.UpdatePerson, existing, sender.DisplayName, sender.Username, sender.Locale, now, sender.PrivateChatId);
        else
            personId = Convert.ToInt32(session.Scalar(Sql.InsertPerson, message.Channel, message.UserId, sender.DisplayName, sender.Username, sender.Locale, sender.PrivateChatId, now), CultureInfo.InvariantCulture);

        var newCode = await CustomerCodeGenerator.GenerateAsync(sender.DisplayName, codeLengths, candidates => Task.FromResult(Taken(session, candidates)));
        var memberId = session.Scalar(Sql.InsertMember, referrer.CampaignId, personId, now, claim.Reference);
        session.Execute(Sql.InsertCode, newCode, memberId, now);
        session.Execute(Sql.InsertClaim, referrer.CampaignId, memberId, found.MemberId, code, now);

        var signUps = Convert.ToInt32(session.Scalar(Sql.CountSignUp, found.MemberId), CultureInfo.InvariantCulture);
        if (found.Reachable)
        {
            var notice = await ReferrerNotice.RenderAsync(prompts, sender.DisplayName, found.Campaign.Name, code, signUps, referrer.Person.Locale);
            session.Execute(Sql.InsertOutbox, ReferrerNotice.Key(referrer.CampaignId, personId.Value), found.PersonId,
                referrer.Person.Channel, referrer.Person.PrivateChatId, Outbox.Serialize([notice]), now);
        }

        var outcome = Outcome(claim, found, personId.Value, newCode);
        var answer = await replies.ForAsync(outcome, message.Locale);
        session.Execute(Sql.InsertOutbox, Outbox.ReplyKey(message), personId, message.Channel, message.ChatId, Outbox.Serialize(answer), now);
        if (message.DeliveryId is { } handled) session.Execute(Sql.InsertReceipt, message.Channel, handled, now);
        return new Written(outcome, answer);
    }

    // Detached copies for the reply.
    private static ClaimOutcome.Claimed Outcome(Attempt claim, Referrer found, int personId, string newCode)
    {
        var (message, sender, now, referrer) = (claim.Message, claim.Sender, claim.Now, found.Member);
        var claimant = new Person
        {
            Channel = message.Channel, ExternalId = message.UserId, DisplayName = sender.DisplayName, Username = sender.Username,
            Locale = sender.Locale, PrivateChatId = sender.PrivateChatId, FirstSeenAt = now, LastSeenAt = now,
        };
        var member = new Member
        {
            CampaignId = referrer.CampaignId, Campaign = found.Campaign, PersonId = personId, Person = claimant, JoinedAt = now,
            Reference = claim.Reference,
        };
        member.Codes.Add(new ReferralCode { Value = newCode, IsPrimary = true, CreatedAt = now });
        return new ClaimOutcome.Claimed(member, referrer, claim.Code, JoinedNow: true);
    }

    // One statement for a round of candidates, padded to its fixed number of parameters with the last of them.
    private static List<string> Taken(WriteSession session, List<string> candidates)
    {
        var values = new object?[CustomerCodeGenerator.TriesPerLength];
        for (var i = 0; i < values.Length; i++) values[i] = candidates[Math.Min(i, candidates.Count - 1)];
        using var rows = session.Read(Sql.TakenCodes, values);
        var taken = new List<string>();
        while (rows.Read()) taken.Add(rows.GetString(0));
        return taken;
    }

    private sealed record Referrer(int MemberId, int PersonId, Member Member, Campaign Campaign, bool Reachable);

    private static Referrer? ReadReferrer(WriteSession session, string code)
    {
        using var row = session.Read(Sql.FindReferrer, code);
        if (!row.Read()) return null;

        string? Text(int i) => row.IsDBNull(i) ? null : row.GetString(i);
        DateTime? When(int i) => row.IsDBNull(i) ? null : row.GetDateTime(i);
        var campaign = new Campaign
        {
            Slug = row.GetString(10), Name = row.GetString(11), LandingUrl = row.GetString(12), Currency = row.GetString(13),
            State = (CampaignState)row.GetInt32(14), StartsAt = When(15), EndsAt = When(16), Offer = Text(17), Discount = Text(18),
            TimeZone = row.GetString(19),
        };
        var person = new Person
        {
            Channel = row.GetString(4), ExternalId = row.GetString(5), DisplayName = row.GetString(6), PrivateChatId = Text(7), Locale = row.GetString(8),
        };
        var member = new Member
        {
            CampaignId = row.GetInt32(1), Campaign = campaign, PersonId = row.GetInt32(2), Person = person, Voice = Text(3), Reference = row.GetString(21),
        };
        member.Codes.Add(new ReferralCode { Value = row.GetString(9), IsPrimary = true });
        return new Referrer(row.GetInt32(0), row.GetInt32(2), member, campaign, row.GetBoolean(20));
    }

    // Plain SQL that SQLite and PostgreSQL both read; enums are stored as their numbers.
    private static class Sql
    {
        public const string FindReferrer = """
            SELECT m."Id", m."CampaignId", m."PersonId", m."Voice",
                   p."Channel", p."ExternalId", p."DisplayName", p."PrivateChatId", p."Locale", pc."Value",
                   c."Slug", c."Name", c."LandingUrl", c."Currency", c."State", c."StartsAt", c."EndsAt", c."Offer", c."Discount", c."TimeZone",
                   p."PrivateChatId" IS NOT NULL AND p."UnreachableAt" IS NULL AND p."StoppedAt" IS NULL AND p."ErasedAt" IS NULL,
                   m."Reference"
            FROM "Codes" AS k
            INNER JOIN "Members" AS m ON m."Id" = k."MemberId"
            INNER JOIN "People" AS p ON p."Id" = m."PersonId"
            INNER JOIN "Campaigns" AS c ON c."Id" = m."CampaignId"
            INNER JOIN "Codes" AS pc ON pc."MemberId" = m."Id" AND pc."IsPrimary"
            WHERE k."Value" = @p0
            """;

        public const string FindReceipt = """SELECT 1 FROM "InboundReceipt" WHERE "Channel" = @p0 AND "ExternalId" = @p1""";

        public const string InsertReceipt = """INSERT INTO "InboundReceipt" ("Channel", "ExternalId", "ReceivedAt") VALUES (@p0, @p1, @p2)""";

        public const string FindPerson = """SELECT "Id" FROM "People" WHERE "Channel" = @p0 AND "ExternalId" = @p1""";

        public const string FindMembership = """SELECT 1 FROM "Members" WHERE "CampaignId" = @p0 AND "PersonId" = @p1""";

        // As MemberDirectory.IdentifyAsync does: a private chat makes them reachable again, and writing again un-erases.
        public const string UpdatePerson = """
            UPDATE "People" SET "DisplayName" = @p1, "Username" = COALESCE(@p2, "Username"), "Locale" = @p3, "LastSeenAt" = @p4,
                "PrivateChatId" = @p5, "UnreachableAt" = NULL, "ErasedAt" = NULL
            WHERE "Id" = @p0
            """;

        public const string InsertPerson = """
            INSERT INTO "People" ("Channel", "ExternalId", "DisplayName", "Username", "Locale", "PrivateChatId", "FirstSeenAt", "LastSeenAt", "HiddenFromLeaderboards")
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p6, FALSE)
            RETURNING "Id"
            """;

        public const string TakenCodes = """SELECT "Value" FROM "Codes" WHERE "Value" IN (@p0, @p1, @p2, @p3, @p4, @p5)""";

        public const string InsertMember = """
            INSERT INTO "Members" ("CampaignId", "PersonId", "Role", "JoinedAt", "Reference", "SignUps") VALUES (@p0, @p1, 0, @p2, @p3, 0) RETURNING "Id"
            """;

        public const string InsertCode = """INSERT INTO "Codes" ("Value", "MemberId", "IsPrimary", "CreatedAt") VALUES (@p0, @p1, TRUE, @p2)""";

        public const string InsertClaim = """
            INSERT INTO "Claims" ("CampaignId", "ReferredMemberId", "ReferrerMemberId", "Code", "Via", "ClaimedAt") VALUES (@p0, @p1, @p2, @p3, 0, @p4)
            """;

        public const string CountSignUp = """
            UPDATE "Members" SET "SignUps" = "SignUps" + 1 WHERE "Id" = @p0 RETURNING "SignUps"
            """;

        public const string InsertOutbox = """
            INSERT INTO "Outbox" ("Key", "PersonId", "Channel", "ChatId", "Payload", "CreatedAt", "DueAt", "Attempts") VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p5, 0)
            """;
    }

    [LoggerMessage(LogLevel.Information, "{Person} joined {Campaign} with code {Code}")]
    private static partial void LogJoined(ILogger logger, string person, string campaign, string code);

    [LoggerMessage(LogLevel.Information, "{Person} claimed {Code} in {Campaign} via {Via}")]
    private static partial void LogClaimed(ILogger logger, string person, string code, string campaign, ClaimVia via);

    [LoggerMessage(LogLevel.Warning, "The fresh claim of {Code} by {Channel}:{UserId} failed; the general path takes it")]
    private static partial void LogFellBack(ILogger logger, Exception exception, string channel, string userId, string code);
}
