namespace ReferralBot.Core.Conversation;

/// <summary>One slash command. Features implement these; the engine routes to them by name.</summary>
public interface IChatCommand
{
    /// <summary>The name without the slash: <c>start</c>.</summary>
    string Name { get; }

    bool AdminOnly => false;

    /// <summary>Whether the command looks at <see cref="CommandContext.IsAdmin"/>; the engine only asks the database then.</summary>
    bool UsesAdminStatus => AdminOnly;

    /// <summary>The prompt describing it in a channel's command menu (Telegram's "/" list); null keeps it out.</summary>
    string? MenuPrompt => null;

    Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken);
}
