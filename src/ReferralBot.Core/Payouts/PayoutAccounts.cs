using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Payouts;

/// <summary>People's payout details: set, shown masked, removed, and opened for a payout file.</summary>
public sealed class PayoutAccounts(ReferralBotDbContext db, PayoutDetailsVault vault, TimeProvider time)
{
    public Task<PayoutAccount?> FindAsync(int personId, CancellationToken cancellationToken) =>
        db.Set<PayoutAccount>().SingleOrDefaultAsync(a => a.PersonId == personId, cancellationToken);

    /// <summary>Stores <paramref name="details"/> as the person's, sealed, in place of any before; the caller saves.</summary>
    public async Task<string?> SetAsync(int personId, PayoutDetails details, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var account = await FindAsync(personId, cancellationToken);
        var before = account?.Masked;
        if (account is null)
        {
            db.Add(new PayoutAccount { PersonId = personId, Method = details.Method, Sealed = vault.Seal(details), Masked = details.Masked, UpdatedAt = now });
            return null;
        }

        (account.Method, account.Sealed, account.Masked, account.UpdatedAt) = (details.Method, vault.Seal(details), details.Masked, now);
        return before;
    }

    /// <summary>Removes the person's details; what they were (masked), or null when there were none. The caller saves.</summary>
    public async Task<string?> RemoveAsync(int personId, CancellationToken cancellationToken)
    {
        if (await FindAsync(personId, cancellationToken) is not { } account) return null;
        db.Remove(account);
        return account.Masked;
    }

    public PayoutDetails Open(PayoutAccount account) => vault.Open(account.Sealed);
}
