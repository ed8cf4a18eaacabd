using System.Diagnostics.CodeAnalysis;

namespace ReferralBot.Core.Bot;

/// <summary>A person on a channel, written <c>channel:userId</c>.</summary>
public readonly record struct ChatAddress(string Channel, string UserId)
{
    public static bool TryParse(string? text, [NotNullWhen(true)] out ChatAddress? address)
    {
        address = null;
        var colon = text?.IndexOf(':') ?? -1;
        if (text is null || colon <= 0 || colon == text.Length - 1 || text.Contains(' ')) return false;
        address = new ChatAddress(text[..colon].ToLowerInvariant(), text[(colon + 1)..]);
        return true;
    }

    public override string ToString() => $"{Channel}:{UserId}";
}
