namespace ReferralBot.Channels.Console;

/// <summary>The <c>ConsoleChat</c> section: the chat in the terminal.</summary>
public sealed class ConsoleChatOptions
{
    public const string Section = "ConsoleChat";

    /// <summary>On by default when no Telegram token is configured.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Where images and documents the bot sends are written.</summary>
    public string FilesPath { get; set; } = "console-files";
}
