using ReferralBot.Core.Conversation;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Reports;

/// <summary><c>/hide</c> keeps you off leaderboards; <c>/show</c> (same class, other name) puts you back.</summary>
public sealed class HideCommand(ReferralBotDbContext db, PromptRenderer prompts) : IChatCommand
{
    public string Name => "hide";

    public string? MenuPrompt => PromptName.MenuHide;

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        SetAsync(db, prompts, context, hidden: true, PromptName.HideDone, cancellationToken);

    internal static async Task<IReadOnlyList<Reply>> SetAsync(
        ReferralBotDbContext db, PromptRenderer prompts, CommandContext context, bool hidden, string prompt, CancellationToken cancellationToken)
    {
        var already = context.Person.HiddenFromLeaderboards == hidden;
        context.Person.HiddenFromLeaderboards = hidden;
        await db.SaveChangesAsync(cancellationToken);
        return [await prompts.TextAsync(prompt, new { Already = already }, context.Locale)];
    }
}

/// <summary><c>/show</c>: back on leaderboards after <c>/hide</c>.</summary>
public sealed class ShowCommand(ReferralBotDbContext db, PromptRenderer prompts) : IChatCommand
{
    public string Name => "show";

    public string? MenuPrompt => PromptName.MenuShow;

    public Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        HideCommand.SetAsync(db, prompts, context, hidden: false, PromptName.ShowDone, cancellationToken);
}
