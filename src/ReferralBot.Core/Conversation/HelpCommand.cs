using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Members;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Conversation;

/// <summary><c>/help</c>: what the bot can do, with the influencer and admin commands for those who have them.</summary>
public sealed class HelpCommand(ReferralBotDbContext db, PromptRenderer prompts) : IChatCommand
{
    public string Name => "help";

    public string? MenuPrompt => PromptName.MenuHelp;

    public bool UsesAdminStatus => true;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var isInfluencer = await db.Members.AnyAsync(m => m.PersonId == context.Person.Id && m.Role == MemberRole.Influencer, cancellationToken);
        return [await prompts.TextAsync(PromptName.Help, new { context.IsAdmin, context.Message.Channel, IsInfluencer = isInfluencer }, context.Locale)];
    }
}
