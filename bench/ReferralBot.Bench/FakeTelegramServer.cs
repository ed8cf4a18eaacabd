using System.Runtime.InteropServices;
using ReferralBot.FakeTelegram;

namespace ReferralBot.Bench;

/// <summary><c>fake-telegram --port N</c>: the tests' fake Bot API, standing in for Telegram while the service is measured.</summary>
internal static class FakeTelegramServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        await using var fake = await FakeBotApi.StartAsync(new FakeBotApiOptions { Port = Arguments.Number(args, "--port", 5103) });
        Console.WriteLine(fake.BaseUrl);
        using var stop = new CancellationTokenSource();
        // The fake's own host takes SIGTERM and SIGINT to stop itself; these end this wait as well.
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => stop.Cancel());
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => stop.Cancel());
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        return 0;
    }
}
