using Microsoft.EntityFrameworkCore;

namespace ReferralBot.Core.Storage;

/// <summary>
/// Races are settled by unique constraints: the loser's insert fails and it re-reads.
/// The core knows no provider, so a failed insert is told apart by the message every provider gives.
/// </summary>
public static class UniqueViolation
{
    public static bool Is(DbUpdateException exception)
    {
        var message = exception.InnerException?.Message ?? exception.Message;
        return message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase)
            || message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase);
    }
}
