using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ReferralBot.Core.Secrets;

namespace ReferralBot.Core.Clicks;

/// <summary>
/// The key of the day's visitor hash: HMAC(secret, date). The secret is <c>Clicks:VisitorSecret</c> or, by default,
/// one generated once into the database, so a restart (or another instance) counts a visitor seen earlier today as
/// the same visitor, while yesterday's hashes cannot be linked to today's without the secret.
/// </summary>
public sealed class VisitorSalt(IOptions<ClickOptions> options)
{
    public const string SecretName = "clicks.visitor";

    private byte[]? secret;
    private DaySalt? current;

    /// <summary>Reads (or makes) the stored secret; start-up calls it before any request is served.</summary>
    public async Task LoadAsync(StoredSecrets secrets, CancellationToken cancellationToken) =>
        secret = options.Value.VisitorSecret is { Length: > 0 } configured
            ? Encoding.UTF8.GetBytes(configured)
            : await secrets.GetOrCreateAsync(SecretName, cancellationToken);

    /// <summary>The salt of <paramref name="day"/>; the same array all day, so a reused hash can tell it is still valid.</summary>
    public byte[] For(DateOnly day)
    {
        if (current is { } today && today.Day == day) return today.Salt;
        var key = secret ?? throw new InvalidOperationException("The visitor secret has not been loaded yet.");
        var salt = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        current = new DaySalt(day, salt);
        return salt;
    }

    private sealed record DaySalt(DateOnly Day, byte[] Salt);
}
