using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReferralBot.Channels.BotFramework.Setup;

/// <summary>Says at start whether inbound activities are authenticated, so an open endpoint is never a surprise.</summary>
internal sealed partial class BotFrameworkStartup(IOptions<BotFrameworkOptions> options, ILogger<BotFrameworkStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Authenticates) LogOn(logger, options.Value.AppId!);
        else LogOff(logger);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Bot Framework: /api/messages checks tokens for app {AppId}")]
    private static partial void LogOn(ILogger logger, string appId);

    [LoggerMessage(LogLevel.Warning, "Bot Framework: no BotFramework:AppId, so /api/messages does NOT authenticate requests (local testing only)")]
    private static partial void LogOff(ILogger logger);
}
