namespace ReferralBot.Core.Sharing;

/// <summary>Web addresses that open an app's share screen with a text filled in; they work from any chat or browser.</summary>
public static class ShareTargets
{
    public static string WhatsApp(string text, string url) => "https://wa.me/?text=" + Uri.EscapeDataString($"{text}\n{url}");
}
