using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReferralBot.Channels.BotFramework.Auth;
using ReferralBot.Channels.BotFramework.Receiving;
using ReferralBot.Channels.BotFramework.Sending;
using ReferralBot.Core.Outbound;

namespace ReferralBot.Channels.BotFramework.Setup;

public static class BotFrameworkSetup
{
    /// <summary>The named HttpClient for metadata, tokens and the Connector (tests give it a handler that trusts their fake).</summary>
    public const string HttpClientName = "botframework";

    /// <summary>The Bot Framework channel, when <c>BotFramework:AppId</c> is set (or <c>BotFramework:Enabled</c>, for the Emulator without one).</summary>
    public static IServiceCollection AddBotFrameworkChannel(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(BotFrameworkOptions.Section);
        var enabled = section.GetValue<bool?>("Enabled") ?? !string.IsNullOrWhiteSpace(section["AppId"]);
        if (!enabled) return services;

        services.AddOptions<BotFrameworkOptions>().BindConfiguration(BotFrameworkOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(HttpClientName).RemoveAllLoggers();
        services.AddSingleton<BotFrameworkMetadata>();
        services.AddSingleton<InboundTokenValidator>();
        services.AddSingleton<OutboundTokenProvider>();
        services.AddSingleton<TrustedServiceUrls>();
        services.AddSingleton<ActivityRenderer>();
        services.AddSingleton<ConnectorClient>();
        services.AddSingleton<ActivityHandler>();
        services.AddHostedService<BotFrameworkStartup>();
        foreach (var channel in (section.Get<BotFrameworkOptions>() ?? new BotFrameworkOptions()).AnsweredChannels)
        {
            services.AddSingleton<IOutboundChannel>(sp => new BotFrameworkOutboundChannel(
                channel, sp.GetRequiredService<ChannelAddresses>(), sp.GetRequiredService<ActivityRenderer>(), sp.GetRequiredService<ConnectorClient>(),
                sp.GetRequiredService<TrustedServiceUrls>()));
        }

        return services;
    }
}
