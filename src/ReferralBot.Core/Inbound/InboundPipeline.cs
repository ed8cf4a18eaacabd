using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReferralBot.Core.Claims;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Limits;
using ReferralBot.Core.Links;
using ReferralBot.Core.Outbound;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Inbound;

/// <summary>
/// The one way in for every channel's messages. A delivery seen before is skipped. A deep link opened by someone new
/// to its campaign is claimed on the fast path (<see cref="FreshClaims"/>); anything else is identified, routed and
/// answered by the <see cref="ConversationEngine"/>. What the message changes, its receipt and its replies (an outbox
/// row that the channel's send queue delivers) are committed in one transaction: a crash before the commit leaves
/// nothing behind, so the channel's redelivery is handled as if it were the first, and after it the receipt's and
/// the reply's unique keys turn any further delivery into a no-op.
/// </summary>
public sealed partial class InboundPipeline(
    IServiceScopeFactory scopes,
    FreshClaims freshClaims,
    ChatLinks links,
    PromptRenderer prompts,
    OutboxSignal outboxSignal,
    AbuseLimits limits,
    TimeProvider time,
    ILogger<InboundPipeline> logger)
{
    private static readonly HashSet<string> SafeInGroups = new(StringComparer.OrdinalIgnoreCase) { "help" };

    public async Task<InboundResult> HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        InboundResult result;
        try
        {
            result = await ThrottledAsync(message, cancellationToken)
                ?? await freshClaims.TryClaimAsync(message, cancellationToken)
                ?? await HandleInTransactionAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, ex, message.Channel, LoggedText.Of(message.UserId), LoggedText.OfMessage(message.Text));
            result = await ApologiseAsync(message, cancellationToken);
        }

        if (result.Replies.Count > 0) outboxSignal.Notify();
        return result;
    }

    private async Task<InboundResult> HandleInTransactionAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
        // One connection for the whole message: EF otherwise opens and closes one around each of its queries.
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (await SeenAsync(db, message, cancellationToken)) return InboundResult.SeenBefore;

        db.HoldsTransaction = true;
        try
        {
            var (personId, replies) = await AnswerAsync(scope.ServiceProvider, message, cancellationToken);
            return await CommitAsync(db, scope.ServiceProvider.GetRequiredService<Outbox>(), message, personId, replies, cancellationToken);
        }
        finally
        {
            db.Release();
        }
    }

    private async Task<(int? PersonId, IReadOnlyList<Reply> Replies)> AnswerAsync(IServiceProvider services, InboundMessage message, CancellationToken cancellationToken)
    {
        // In a group only what is safe to say in front of everyone is answered there; the rest is asked in private.
        if (!message.IsPrivateChat && !(CommandLine.Parse(message.Text) is { } line && SafeInGroups.Contains(line.Name)))
        {
            var link = links.Of(message.Channel)?.ChatWithBot;
            return (null, [await prompts.TextAsync(PromptName.GroupUsePrivateChat, new { Link = link }, message.Locale)]);
        }

        var (person, replies) = await services.GetRequiredService<ConversationEngine>().HandleAsync(message, cancellationToken);
        return (person.Id, replies);
    }

    // The receipt and the replies are written with whatever the message changed, and the transaction commits. A
    // unique-key failure here is a second delivery of the same update that got here first: all of this one is undone.
    private async Task<InboundResult> CommitAsync(
        ReferralBotDbContext db, Outbox outbox, InboundMessage message, int? personId, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        if (message.DeliveryId is { } deliveryId) db.Add(new InboundReceipt { Channel = message.Channel, ExternalId = deliveryId, ReceivedAt = time.GetUtcNow().UtcDateTime });
        if (replies.Count > 0) outbox.AddReply(message, personId, replies);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex) && message.DeliveryId is not null)
        {
            // Another delivery of the same update committed first: nothing of this one is kept. Any other unique
            // violation here is a failure, answered as one.
            await (db.Database.CurrentTransaction?.RollbackAsync(cancellationToken) ?? Task.CompletedTask);
            db.ChangeTracker.Clear();
            if (await SeenAsync(db, message, cancellationToken)) return InboundResult.SeenBefore;
            throw;
        }

        if (db.Database.CurrentTransaction is { } transaction) await transaction.CommitAsync(cancellationToken);
        db.Committed();
        return new InboundResult(replies);
    }

    // The message failed: nothing of it was kept. It is answered with an apology, stored with its receipt, so a
    // redelivery does not fail the same way again and again.
    // Someone sending more than Limits:MessagesPerMinute is told once to slow down; their other messages that minute are
    // received (so a redelivery is not answered later) and left unanswered. Null: within the limit.
    private async Task<InboundResult?> ThrottledAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var sender = $"{message.Channel}:{message.UserId}";
        using var lease = limits.Messages.AttemptAcquire(sender);
        if (lease.IsAcquired) return null;

        using var notice = limits.FloodNotices.AttemptAcquire(sender);
        if (notice.IsAcquired) LogFlood(logger, LoggedText.Of(sender));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
        if (await SeenAsync(db, message, cancellationToken)) return InboundResult.SeenBefore;
        IReadOnlyList<Reply> replies = notice.IsAcquired
            ? [await prompts.TextAsync(PromptName.SlowDown, new { lease.RetryAfter()?.TotalSeconds }, message.Locale)]
            : [];
        return await CommitAsync(db, scope.ServiceProvider.GetRequiredService<Outbox>(), message, null, replies, cancellationToken);
    }

    [LoggerMessage(LogLevel.Warning, "{Sender} sends faster than Limits:MessagesPerMinute; told to slow down, the rest of the minute unanswered")]
    private static partial void LogFlood(ILogger logger, string sender);

    private async Task<InboundResult> ApologiseAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
        if (await SeenAsync(db, message, cancellationToken)) return InboundResult.SeenBefore;
        var sorry = await prompts.TextAsync(PromptName.SomethingWentWrong, null, message.Locale);
        return await CommitAsync(db, scope.ServiceProvider.GetRequiredService<Outbox>(), message, null, [sorry], cancellationToken);
    }

    private static Task<bool> SeenAsync(ReferralBotDbContext db, InboundMessage message, CancellationToken cancellationToken) =>
        message.DeliveryId is { } id
            ? db.Set<InboundReceipt>().AnyAsync(r => r.Channel == message.Channel && r.ExternalId == id, cancellationToken)
            : Task.FromResult(false);

    [LoggerMessage(LogLevel.Error, "Handling {Text} from {Channel}:{UserId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string channel, string userId, string text);
}
