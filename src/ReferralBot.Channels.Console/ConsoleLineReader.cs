using System.Threading.Channels;

namespace ReferralBot.Channels.Console;

/// <summary>
/// Lines from the terminal. Console input can only be read by blocking a thread, and such a read cannot be
/// cancelled, so one background thread reads and the chat awaits its lines: Ctrl+C stops the service at once
/// instead of waiting for a line that never comes.
/// </summary>
internal sealed class ConsoleLineReader
{
    private readonly Channel<string?> lines = Channel.CreateBounded<string?>(1);
    private readonly TextReader input;
    private int started;

    public ConsoleLineReader(ConsoleIo io) => input = io.In;

    /// <summary>The next line, or null at the end of the input.</summary>
    public async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref started, 1) == 0)
            new Thread(Pump) { IsBackground = true, Name = "console-input" }.Start();
        return await lines.Reader.ReadAsync(cancellationToken);
    }

    private void Pump()
    {
        string? line;
        do
        {
            line = input.ReadLine();
            if (!lines.Writer.WriteAsync(line).AsTask().Wait(Timeout.Infinite)) return;
        }
        while (line is not null);
    }
}
