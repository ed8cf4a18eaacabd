using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace ReferralBot.Core.Payouts;

/// <summary>
/// Seals and opens payout details with ASP.NET Core Data Protection. Its keys live in the database
/// (<see cref="Secrets.DataProtectionKeys"/>), so every instance on it opens what any other sealed.
/// </summary>
public sealed class PayoutDetailsVault(IDataProtectionProvider provider)
{
    private const string Purpose = "ReferralBot.PayoutDetails.v1";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly IDataProtector protector = provider.CreateProtector(Purpose);

    public string Seal(PayoutDetails details) => protector.Protect(JsonSerializer.Serialize(details, Json));

    public PayoutDetails Open(string sealedDetails) =>
        JsonSerializer.Deserialize<PayoutDetails>(protector.Unprotect(sealedDetails), Json)
        ?? throw new InvalidOperationException("Sealed payout details held nothing.");
}
