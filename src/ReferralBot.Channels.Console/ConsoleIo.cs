namespace ReferralBot.Channels.Console;

/// <summary>The terminal the chat runs in; tests hand in their own reader and writer.</summary>
public sealed record ConsoleIo(TextReader In, TextWriter Out, bool InputIsPiped, bool UseColor)
{
    public static ConsoleIo Terminal() => new(
        System.Console.In,
        System.Console.Out,
        System.Console.IsInputRedirected,
        !System.Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null);
}
