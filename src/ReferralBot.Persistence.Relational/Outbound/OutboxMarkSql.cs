namespace ReferralBot.Persistence.Relational.Outbound;

/// <summary>The outbox's marks (<see cref="Core.Outbound.IOutboxMarks"/>); parameters in the order each method names them.</summary>
public static class OutboxMarkSql
{
    /// <summary>
    /// A conditional update (the id, the time, this instance, the request starting, the number of requests): one row
    /// changed means this call claimed the message, unless another instance has taken it or it resumed elsewhere.
    /// </summary>
    public const string MarkSending = """
        UPDATE "Outbox" SET "SendingAt" = @p1, "SendingBy" = @p2, "RequestsStarted" = @p3 + 1, "Requests" = @p4
        WHERE "Id" = @p0 AND "SendingAt" IS NULL AND "SentAt" IS NULL AND "DroppedAt" IS NULL
            AND ("SendingBy" IS NULL OR "SendingBy" = @p2) AND "RequestsStarted" = @p3
        """;

    /// <summary>The next request starting (the id, the request, this instance): one row changed means it is still this instance's to send.</summary>
    public const string MarkStarted = """
        UPDATE "Outbox" SET "RequestsStarted" = @p1 + 1
        WHERE "Id" = @p0 AND "RequestsStarted" = @p1 AND "SendingBy" = @p2 AND "SendingAt" IS NOT NULL AND "SentAt" IS NULL AND "DroppedAt" IS NULL
        """;

    /// <summary>Sent (the id, the time, the reply key prefix); an answer's text is cleared (its key starts with the reply prefix).</summary>
    public const string MarkSent = """
        UPDATE "Outbox" SET "SentAt" = @p1, "Attempts" = "Attempts" + 1,
            "Payload" = CASE WHEN substr("Key", 1, length(@p2)) = @p2 THEN '[]' ELSE "Payload" END
        WHERE "Id" = @p0
        """;
}
