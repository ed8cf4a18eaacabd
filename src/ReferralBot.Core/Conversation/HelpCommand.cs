using ReferralBot.Core.Prompts;

namespace ReferralBot.Core.Conversation;

/// <summary><c>/help</c>: what the bot can do, with the admin commands for admins.</summary>
public sealed class HelpCommand(PromptRenderer prompts) : IChatCommand
{
    public string Name => "help";

    public string? MenuPrompt => PromptName.MenuHelp;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        [await prompts.TextAsync(PromptName.Help, new { context.IsAdmin, context.Message.Channel }, context.Locale)];
}
