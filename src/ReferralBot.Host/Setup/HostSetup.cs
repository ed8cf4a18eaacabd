using Microsoft.Extensions.Logging.Console;
using ReferralBot.Channels.BotFramework.Setup;
using ReferralBot.Channels.Console;
using ReferralBot.Channels.Telegram.Setup;
using ReferralBot.Core.Setup;
using ReferralBot.Core.Storage;
using ReferralBot.Host.Nudges;
using ReferralBot.Host.Payouts;
using ReferralBot.Host.Purchases;

namespace ReferralBot.Host.Setup;

/// <summary>What the host is made of: the core, the store, the channels and the web endpoints' needs.</summary>
public static class HostSetup
{
    public static WebApplicationBuilder AddReferralBotServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddBadRequestStatuses();
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<WebhookSecretWarning>();
        builder.Services.AddReferralBotCore(builder.Configuration);
        builder.Services.AddNudgeScheduling(builder.Configuration);
        builder.Services.AddPayoutWebhook();
        builder.Services.AddReferralBotStore(builder.Configuration);
        builder.Services.AddBotFrameworkChannel(builder.Configuration);
        builder.Services.AddTelegramChannel(builder.Configuration);
        builder.Services.AddConsoleChat(builder.Configuration); // last: on by default only when no other channel is
        builder.Services.AddHealthChecks().AddDbContextCheck<ReferralBotDbContext>("database");
        return builder;
    }

    /// <summary>
    /// Logs go to stderr so stdout carries only the chat; while the terminal chat runs, only warnings and
    /// errors are shown so they do not bury the conversation. Call it after <see cref="AddReferralBotServices"/>.
    /// </summary>
    public static WebApplicationBuilder AddReferralBotLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        if (ConsoleChannelSetup.IsAdded(builder.Services) && builder.Configuration["Logging:Console:LogLevel:Default"] is null)
            builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
        return builder;
    }
}
