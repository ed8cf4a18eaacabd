using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Members;

namespace ReferralBot.Core.Storage;

/// <summary>After a save lost a race on a unique key: what it tried to insert is let go, so the caller can decide again.</summary>
public static class FailedSave
{
    /// <summary>
    /// Detaches every row the failed save would have inserted, dependents before members (letting a member go first
    /// would sever its codes' required relationship). Everything loaded stays tracked: the person writing, above all.
    /// </summary>
    public static void ForgetInserts(DbContext db)
    {
        foreach (var added in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).OrderBy(e => e.Entity is Member).ToList())
            added.State = EntityState.Detached;
    }
}
