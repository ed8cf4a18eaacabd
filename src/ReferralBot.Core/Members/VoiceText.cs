namespace ReferralBot.Core.Members;

/// <summary>The rules of an influencer's <c>/voice</c>: one short paragraph, shown escaped wherever it is used.</summary>
public static class VoiceText
{
    public const int MaxLength = 200;

    public static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
