using ReferralBot.Core.Conversation;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Nudges;

/// <summary><c>/resume</c>: undoes <c>/stop</c>. Nudges that fell due while stopped were skipped, not saved up.</summary>
public sealed class ResumeCommand(ReferralBotDbContext db, PromptRenderer prompts) : IChatCommand
{
    public string Name => "resume";

    public string? MenuPrompt => PromptName.MenuResume;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var wasStopped = context.Person.StoppedAt is not null;
        if (wasStopped)
        {
            context.Person.StoppedAt = null;
            await db.SaveChangesAsync(cancellationToken);
        }

        return [await prompts.TextAsync(PromptName.ResumeDone, new { WasStopped = wasStopped }, context.Locale)];
    }
}
