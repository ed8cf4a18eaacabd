using Microsoft.Extensions.DependencyInjection;
using ReferralBot.FakeTelegram;
using ReferralBot.Testing;

namespace ReferralBot.Telegram.Tests.Support;

/// <summary>
/// The whole service with its Telegram channel pointed at a fake Bot API on loopback (the real Telegram.Bot
/// client does the talking), on its own SQLite file.
/// </summary>
public sealed class TelegramBotFactory(FakeBotApi telegram, bool webhook = false, string? token = null, IDictionary<string, string?>? overrides = null)
    : ServiceFactory("telegram", Settings(telegram, webhook, token), overrides)
{
    public const string WebhookPath = "/telegram/webhook";
    public const string WebhookSecret = "s3cret-Token_42";

    public FakeBotApi Telegram { get; } = telegram;

    /// <summary>Starts the service and waits until the bot has connected (getMe, menus, webhook or polling set up).</summary>
    public async Task<TelegramBotFactory> ConnectedAsync()
    {
        _ = Services;
        await Telegram.WaitForCallsAsync(HasSetting("Telegram:WebhookUrl") ? "setWebhook" : "deleteWebhook", 1, TimeSpan.FromSeconds(20));
        // The menus are set after the webhook; connected is when both are.
        await Services.GetRequiredService<ReferralBot.Channels.Telegram.Setup.TelegramBotState>().WhenConfigured.WaitAsync(TimeSpan.FromSeconds(20));
        return this;
    }

    private static Dictionary<string, string?> Settings(FakeBotApi telegram, bool webhook, string? token)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bot:Admins:0"] = "telegram:9000",
            ["Telegram:BotToken"] = token ?? telegram.Token,
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
            ["Telegram:PollingTimeoutSeconds"] = "1",
        };
        if (webhook)
        {
            settings["Telegram:WebhookUrl"] = "https://ref.example.sg" + WebhookPath;
            settings["Telegram:WebhookSecret"] = WebhookSecret;
        }

        return settings;
    }
}
