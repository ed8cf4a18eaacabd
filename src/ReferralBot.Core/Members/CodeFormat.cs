using System.Diagnostics.CodeAnalysis;

namespace ReferralBot.Core.Members;

/// <summary>Codes are 4–20 letters A–Z and digits, compared case-insensitively (stored upper-case).</summary>
public static class CodeFormat
{
    public const int MinLength = 4;
    public const int MaxLength = 20;

    /// <summary>Accepts what people type (<c>jane20</c>, <c>#JANE20</c>, <c> Jane20 </c>) and gives the stored form.</summary>
    public static bool TryNormalize(string? input, [NotNullWhen(true)] out string? code)
    {
        code = null;
        var trimmed = (input ?? "").Trim().TrimStart('#').Trim();
        if (trimmed.Length is < MinLength or > MaxLength) return false;
        foreach (var ch in trimmed)
        {
            if (!char.IsAsciiLetterOrDigit(ch)) return false;
        }

        code = trimmed.ToUpperInvariant();
        return true;
    }
}
