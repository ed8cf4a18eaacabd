using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Channels.Telegram.Links;
using ReferralBot.Channels.Telegram.Photos;
using ReferralBot.Channels.Telegram.Receiving;
using ReferralBot.Channels.Telegram.Sending;
using ReferralBot.Core.Links;
using ReferralBot.Core.Outbound;
using ReferralBot.Core.Pages;
using Telegram.Bot;

namespace ReferralBot.Channels.Telegram.Setup;

public static class TelegramSetup
{
    /// <summary>The Telegram channel, when <c>Telegram:BotToken</c> is set: long polling, or the webhook when <c>Telegram:WebhookUrl</c> is.</summary>
    public static IServiceCollection AddTelegramChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var settings = configuration.GetSection(TelegramOptions.Section).Get<TelegramOptions>() ?? new TelegramOptions();
        if (!settings.Enabled) return services;

        // Long polls hold a request open for PollingTimeoutSeconds; the client must wait longer than that.
        // Request logs would print every URL, and the Bot API puts the token in the URL.
        services.AddHttpClient(TelegramOptions.ChannelName, c => c.Timeout = TimeSpan.FromSeconds(settings.PollingTimeoutSeconds + 30))
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var queue = sp.GetRequiredService<TelegramSendQueue>();
                return new SocketsHttpHandler
                {
                    PlaintextStreamFilter = (context, _) => ValueTask.FromResult<Stream>(new TelegramWireClock(context.PlaintextStream, queue)),
                };
            });
        // The client's own 429 retry sleeps on one request while other chats keep sending; the send queue,
        // which sees every chat, does the waiting instead.
        services.AddSingleton<ITelegramBotClient>(sp => new TelegramBotClient(
            new TelegramBotClientOptions(settings.BotToken!, settings.ApiBaseUrl.TrimEnd('/')) { RetryThreshold = 0, RetryCount = 0 },
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(TelegramOptions.ChannelName)));
        services.AddSingleton<TelegramBotState>();
        services.AddSingleton<IChannelLinks, TelegramLinks>();
        services.AddSingleton<IProfilePhotoSource, TelegramProfilePhotos>();
        services.AddSingleton<TelegramSendQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<TelegramSendQueue>());
        services.AddSingleton<TelegramReplySender>();
        services.AddSingleton<IOutboundChannel, TelegramOutboundChannel>();
        services.AddSingleton<TelegramUpdateHandler>();
        services.AddSingleton<TelegramChatCards>();
        services.AddHostedService<TelegramSenderRole>();
        services.AddHostedService<TelegramStartup>();
        services.AddHealthChecks().AddCheck<TelegramHealthCheck>("telegram");
        if (!settings.UsesWebhook) services.AddHostedService<TelegramPollingService>();
        return services;
    }
}
