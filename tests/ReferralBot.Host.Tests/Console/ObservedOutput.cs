using System.Text;

namespace ReferralBot.Host.Tests.Console;

/// <summary>The terminal's output, kept whole, with a way to wait for some text to appear in it (no polling).</summary>
public sealed class ObservedOutput : TextWriter
{
    private readonly StringBuilder text = new();
    private readonly Lock gate = new();
    private TaskCompletionSource written = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Append(value.ToString());

    public override void Write(string? value) => Append(value);

    public override void Write(char[] buffer, int index, int count) => Append(new string(buffer, index, count));

    public override string ToString()
    {
        lock (gate) return text.ToString();
    }

    /// <summary>Completes once <paramref name="expected"/> is in the output.</summary>
    public async Task WaitForAsync(string expected, TimeSpan timeout)
    {
        using var waited = new CancellationTokenSource(timeout);
        while (true)
        {
            Task next;
            lock (gate)
            {
                if (text.ToString().Contains(expected, StringComparison.Ordinal)) return;
                next = written.Task;
            }

            await next.WaitAsync(waited.Token);
        }
    }

    private void Append(string? value)
    {
        TaskCompletionSource done;
        lock (gate)
        {
            text.Append(value);
            (done, written) = (written, new(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        done.TrySetResult();
    }
}
