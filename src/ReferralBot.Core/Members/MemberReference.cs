using System.Security.Cryptography;

namespace ReferralBot.Core.Members;

/// <summary>A member's buyer reference: ten random lower-case letters and digits without look-alikes.</summary>
public static class MemberReference
{
    public const int Length = 10;
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    public static bool IsWellFormed(string? value) =>
        value is { Length: Length } && value.All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
