namespace ReferralBot.Persistence.Relational.Outbound;

/// <summary>The outbox's two marks (<see cref="Core.Outbound.IOutboxMarks"/>); parameters: the id, the time, then the instance or the reply key prefix.</summary>
public static class OutboxMarkSql
{
    /// <summary>A conditional update: one row changed means this call (this instance, @p2) claimed the message, unless another instance has taken it.</summary>
    public const string MarkSending = """
        UPDATE "Outbox" SET "SendingAt" = @p1, "SendingBy" = @p2 WHERE "Id" = @p0 AND "SendingAt" IS NULL AND "SentAt" IS NULL AND "DroppedAt" IS NULL
            AND ("SendingBy" IS NULL OR "SendingBy" = @p2)
        """;

    /// <summary>Sent; an answer's text is cleared (its key starts with the reply prefix).</summary>
    public const string MarkSent = """
        UPDATE "Outbox" SET "SentAt" = @p1, "Attempts" = "Attempts" + 1,
            "Payload" = CASE WHEN substr("Key", 1, length(@p2)) = @p2 THEN '[]' ELSE "Payload" END
        WHERE "Id" = @p0
        """;
}
