namespace ReferralBot.Persistence.Relational.Claims;

// Enums are stored as their numbers.
internal static class NewcomerClaimSql
{
    public const string FindReceipt = """SELECT 1 FROM "InboundReceipt" WHERE "Channel" = @p0 AND "ExternalId" = @p1""";

    public const string InsertReceipt = """INSERT INTO "InboundReceipt" ("Channel", "ExternalId", "ReceivedAt") VALUES (@p0, @p1, @p2)""";

    public const string FindReferrer = """
        SELECT m."Id", m."CampaignId", m."PersonId", m."Voice",
               p."Channel", p."ExternalId", p."DisplayName", p."PrivateChatId", p."Locale", pc."Value",
               c."Slug", c."Name", c."LandingUrl", c."Currency", c."State", c."StartsAt", c."EndsAt", c."Offer", c."Discount", c."TimeZone",
               p."PrivateChatId" IS NOT NULL AND p."UnreachableAt" IS NULL AND p."StoppedAt" IS NULL AND p."ErasedAt" IS NULL,
               m."Reference",
               EXISTS (SELECT 1 FROM "Experiments" AS x WHERE x."CampaignId" = m."CampaignId" AND x."State" = 1),
               c."ReferrerReward", c."ShareText", c."Disclosure", c."LandingPages", m."BlockedAt" IS NOT NULL,
               p."Language", c."Language"
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
            "PrivateChatId" = @p5, "UnreachableAt" = NULL, "ErasedAt" = NULL, "Language" = COALESCE("Language", @p6)
        WHERE "Id" = @p0
        RETURNING "Language"
        """;

    public const string InsertPerson = """
        INSERT INTO "People" ("Channel", "ExternalId", "DisplayName", "Username", "Locale", "PrivateChatId", "FirstSeenAt", "LastSeenAt", "HiddenFromLeaderboards", "Language")
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p6, FALSE, @p7)
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
