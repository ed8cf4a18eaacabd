using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace ReferralBot.Core.Secrets;

/// <summary>
/// Makes the first Data Protection key at start-up, before anything seals or opens with it. Data Protection makes its
/// very first key active at once (later ones wait two days, long enough for every instance to reload its keys); made
/// lazily, on the first seal, two instances could each make their own and each keep, cached, only its own.
/// </summary>
public sealed class DataProtectionKeys(IKeyManager keys, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    public void EnsureOne()
    {
        var now = time.GetUtcNow();
        if (keys.GetAllKeys().Any(k => !k.IsRevoked && k.ExpirationDate > now)) return;
        keys.CreateNewKey(activationDate: now, expirationDate: now + Lifetime);
    }
}
