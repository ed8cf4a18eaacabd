using ReferralBot.FakeTelegram;

namespace ReferralBot.Telegram.Tests.Support;

/// <summary>
/// A fake Bot API and the service connected to it, shared by the tests of a class (each test its own Telegram users),
/// with the campaign set up by the admin's <paramref name="adminSays"/> first.
/// </summary>
public abstract class ConnectedBot(FakeBotApiOptions? options, params string[] adminSays) : IAsyncLifetime
{
    private const long Admin = 9000;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    public FakeBotApi Telegram { get; private set; } = null!;

    public TelegramBotFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Telegram = await FakeBotApi.StartAsync(options);
        Factory = await new TelegramBotFactory(Telegram).ConnectedAsync();
        for (var i = 0; i < adminSays.Length; i++)
        {
            Telegram.SendText(Admin, adminSays[i], firstName: "Owner");
            await Telegram.WaitForSendsToAsync(Admin, i + 1, Wait);
        }
    }

    public async Task DisposeAsync()
    {
        Factory.Dispose();
        await Telegram.DisposeAsync();
    }
}
