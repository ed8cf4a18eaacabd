namespace ReferralBot.Channels.Console;

/// <summary>The terminal the chat runs in; tests hand in their own reader and writer.</summary>
public sealed record ConsoleIo(TextReader In, TextWriter Out, bool InputIsPiped, bool UseColor)
{
    // Our own reader over stdin, not Console.In: a read blocked in Console.In holds a lock that process exit
    // needs, so Ctrl+C would hang until the next line arrived.
    public static ConsoleIo Terminal() => new(
        new StreamReader(System.Console.OpenStandardInput(), System.Console.InputEncoding),
        System.Console.Out,
        System.Console.IsInputRedirected,
        !System.Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null);
}
