using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Members;

/// <summary>Channels report here when a chat refuses the bot (blocked, deactivated); nothing more is sent there.</summary>
public sealed partial class Reachability(IServiceScopeFactory scopes, TimeProvider time, ILogger<Reachability> logger)
{
    public async Task MarkUnreachableAsync(string channel, string chatId, string reason, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var marked = await db.People
            .Where(p => p.Channel == channel && p.PrivateChatId == chatId && p.UnreachableAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.UnreachableAt, now), cancellationToken);
        if (marked > 0) LogUnreachable(logger, channel, chatId, reason);
    }

    [LoggerMessage(LogLevel.Information, "{Channel} chat {ChatId} is unreachable ({Reason}); nothing more will be sent there")]
    private static partial void LogUnreachable(ILogger logger, string channel, string chatId, string reason);
}
