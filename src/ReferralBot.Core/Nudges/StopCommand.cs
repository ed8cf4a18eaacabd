using ReferralBot.Core.Conversation;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Nudges;

/// <summary><c>/stop</c>: no more messages the bot starts itself (nudges, notifications) until <c>/resume</c>.</summary>
public sealed class StopCommand(ReferralBotDbContext db, TimeProvider time, PromptRenderer prompts) : IChatCommand
{
    public string Name => "stop";

    public string? MenuPrompt => PromptName.MenuStop;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var already = context.Person.StoppedAt is not null;
        if (!already)
        {
            context.Person.StoppedAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }

        return [await prompts.TextAsync(PromptName.StopDone, new { Already = already }, context.Locale)];
    }
}
