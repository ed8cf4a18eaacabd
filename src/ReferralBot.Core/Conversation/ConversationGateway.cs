using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReferralBot.Core.Claims;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Conversation;

/// <summary>
/// What channel adapters call. Each message gets its own scope (and database context); a failure is logged
/// and answered with an apology instead of silence. A deep link opened by someone new to its campaign is claimed on
/// the fast path (<see cref="FreshClaims"/>); everything else goes through the <see cref="ConversationEngine"/>.
/// </summary>
public sealed partial class ConversationGateway(
    IServiceScopeFactory scopes, FreshClaims freshClaims, ClaimReplies claimReplies, PromptRenderer prompts, ILogger<ConversationGateway> logger)
{
    public async Task<IReadOnlyList<Reply>> HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        try
        {
            if (FreshClaims.TryMatch(message, out var code) && await freshClaims.TryClaimAsync(message, code, cancellationToken) is { } claimed)
                return await claimReplies.ForAsync(claimed, message.Locale);

            await using var scope = scopes.CreateAsyncScope();
            // One connection for the whole message: EF otherwise opens and closes one around each of its queries.
            await scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>().Database.OpenConnectionAsync(cancellationToken);
            var engine = scope.ServiceProvider.GetRequiredService<ConversationEngine>();
            return await engine.HandleAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, ex, message.Channel, LoggedText.Of(message.UserId), LoggedText.Of(message.Text));
            return [await prompts.TextAsync(PromptName.SomethingWentWrong, null, message.Locale)];
        }
    }

    [LoggerMessage(LogLevel.Error, "Handling {Text} from {Channel}:{UserId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string channel, string userId, string text);
}
