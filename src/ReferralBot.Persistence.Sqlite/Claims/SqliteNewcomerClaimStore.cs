using System.Globalization;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Claims;
using ReferralBot.Core.Members;
using ReferralBot.Core.Storage;

namespace ReferralBot.Persistence.Sqlite.Claims;

/// <summary>The fresh claim's rows on SQLite, on the group-commit writer's connection (statements prepared once).</summary>
internal sealed class SqliteNewcomerClaimStore(GroupCommitWriter writes) : INewcomerClaimStore
{
    public Task<T> RunAsync<T>(Func<INewcomerClaimRows, ValueTask<T>> claim, CancellationToken cancellationToken) =>
        writes.RunAsync(session => claim(new Rows(session)), cancellationToken);

    private sealed class Rows(WriteSession session) : INewcomerClaimRows
    {
        public bool WasDelivered(string channel, string deliveryId) => session.Scalar(Sql.FindReceipt, channel, deliveryId) is not null;

        public NewcomerReferrer? FindReferrer(string code)
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
            return new NewcomerReferrer(row.GetInt32(0), member, campaign, row.GetBoolean(20));
        }

        public int? FindPerson(string channel, string userId) => session.Scalar(Sql.FindPerson, channel, userId) is { } id ? Int(id) : null;

        public bool IsMember(int campaignId, int personId) => session.Scalar(Sql.FindMembership, campaignId, personId) is not null;

        public void UpdatePerson(int personId, SenderDetails sender, DateTime now) =>
            session.Execute(Sql.UpdatePerson, personId, sender.DisplayName, sender.Username, sender.Locale, now, sender.PrivateChatId);

        public int AddPerson(string channel, string userId, SenderDetails sender, DateTime now) =>
            Int(session.Scalar(Sql.InsertPerson, channel, userId, sender.DisplayName, sender.Username, sender.Locale, sender.PrivateChatId, now));

        // One statement for a round of candidates, padded to its fixed number of parameters with the last of them.
        public List<string> TakenCodes(List<string> candidates)
        {
            var values = new object?[CustomerCodeGenerator.TriesPerLength];
            for (var i = 0; i < values.Length; i++) values[i] = candidates[Math.Min(i, candidates.Count - 1)];
            using var rows = session.Read(Sql.TakenCodes, values);
            var taken = new List<string>();
            while (rows.Read()) taken.Add(rows.GetString(0));
            return taken;
        }

        public int AddMember(int campaignId, int personId, string reference, string code, DateTime now)
        {
            var memberId = Int(session.Scalar(Sql.InsertMember, campaignId, personId, now, reference));
            session.Execute(Sql.InsertCode, code, memberId, now);
            return memberId;
        }

        public void AddClaim(int campaignId, int referredMemberId, int referrerMemberId, string code, DateTime now) =>
            session.Execute(Sql.InsertClaim, campaignId, referredMemberId, referrerMemberId, code, now);

        public int CountSignUp(int referrerMemberId) => Int(session.Scalar(Sql.CountSignUp, referrerMemberId));

        public void AddOutboxMessage(string key, int? personId, string channel, string chatId, string payload, DateTime now) =>
            session.Execute(Sql.InsertOutbox, key, personId, channel, chatId, payload, now);

        public void AddReceipt(string channel, string deliveryId, DateTime now) => session.Execute(Sql.InsertReceipt, channel, deliveryId, now);

        public void BeforeCommit(Func<ValueTask> work) => session.BeforeCommit(work);

        private static int Int(object? value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }

    // Enums are stored as their numbers.
    private static class Sql
    {
        public const string FindReceipt = """SELECT 1 FROM "InboundReceipt" WHERE "Channel" = @p0 AND "ExternalId" = @p1""";

        public const string InsertReceipt = """INSERT INTO "InboundReceipt" ("Channel", "ExternalId", "ReceivedAt") VALUES (@p0, @p1, @p2)""";

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

        public const string FindPerson = """SELECT "Id" FROM "People" WHERE "Channel" = @p0 AND "ExternalId" = @p1""";

        public const string FindMembership = """SELECT 1 FROM "Members" WHERE "CampaignId" = @p0 AND "PersonId" = @p1""";

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

        public const string CountSignUp = """UPDATE "Members" SET "SignUps" = "SignUps" + 1 WHERE "Id" = @p0 RETURNING "SignUps" """;

        public const string InsertOutbox = """
            INSERT INTO "Outbox" ("Key", "PersonId", "Channel", "ChatId", "Payload", "CreatedAt", "DueAt", "Attempts") VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p5, 0)
            """;
    }
}
