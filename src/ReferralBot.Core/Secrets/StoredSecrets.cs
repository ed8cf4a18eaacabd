using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Secrets;

/// <summary>
/// Secrets the service generates for itself: the first to ask makes one (32 random bytes) and stores it under its
/// name; the name is the key, so two instances starting at once keep the first and both read it.
/// </summary>
public sealed class StoredSecrets(ReferralBotDbContext db, TimeProvider time)
{
    public const int Length = 32;

    public async Task<byte[]> GetOrCreateAsync(string name, CancellationToken cancellationToken)
    {
        if (await FindAsync(name, cancellationToken) is { } existing) return existing;

        db.Add(new StoredSecret { Name = name, Value = RandomNumberGenerator.GetBytes(Length), CreatedAt = time.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Another instance stored it first: theirs is the one.
            db.ChangeTracker.Clear();
        }

        return await FindAsync(name, cancellationToken) ?? throw new InvalidOperationException($"The secret '{name}' could not be stored.");
    }

    private Task<byte[]?> FindAsync(string name, CancellationToken cancellationToken) =>
        db.Set<StoredSecret>().AsNoTracking().Where(s => s.Name == name).Select(s => s.Value).SingleOrDefaultAsync(cancellationToken)!;
}
