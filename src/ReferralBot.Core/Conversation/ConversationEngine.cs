using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ReferralBot.Core.Administration;
using ReferralBot.Core.Languages;
using ReferralBot.Core.Limits;
using ReferralBot.Core.Members;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Conversation;

/// <summary>
/// The channel-neutral heart of the bot: one inbound message in, who sent it and the replies out. It sends nothing
/// itself: the <see cref="Inbound.InboundPipeline"/> stores the replies for the channel to deliver.
/// </summary>
public sealed partial class ConversationEngine(
    IEnumerable<IChatCommand> commands,
    MemberDirectory members,
    ReplyLanguages languages,
    AdminDirectory admins,
    PromptRenderer prompts,
    ReferralBotDbContext db,
    AbuseLimits limits,
    ILogger<ConversationEngine> logger)
{
    public const string PhotoCommandName = "photo";

    private readonly Dictionary<string, IChatCommand> byName = commands.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);

    public async Task<(Person Person, IReadOnlyList<Reply> Replies)> HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var person = await members.IdentifyAsync(message, cancellationToken);
        var language = await languages.ForAsync(person, cancellationToken);
        return (person, await RouteAsync(message, person, language, cancellationToken));
    }

    private async Task<IReadOnlyList<Reply>> RouteAsync(InboundMessage message, Person person, string language, CancellationToken cancellationToken)
    {
        // A picture without a command is offered to /photo, which takes it only when it was asked for.
        var line = CommandLine.Parse(message.Text) ?? (message.Photo is null ? null : CommandLine.Parse("/" + PhotoCommandName));
        if (line is null) return [await FreeTextReplyAsync(message, language, cancellationToken)];

        if (!byName.TryGetValue(line.Name, out var command))
            return [await prompts.TextAsync(PromptName.UnknownCommand, new { Command = line.Name }, language)];

        var isAdmin = command.UsesAdminStatus && await admins.IsAdminAsync(message.Channel, message.UserId, cancellationToken);
        if (command.AdminOnly && !isAdmin)
        {
            LogRefused(logger, LoggedText.Of(person.Address), LoggedText.Of(line.Name));
            return [await prompts.TextAsync(PromptName.AdminOnly, new { Command = line.Name }, language)];
        }

        if (command.AdminOnly)
        {
            using var lease = limits.AdminCommands.AttemptAcquire(person.Address);
            if (!lease.IsAcquired) return [await prompts.TextAsync(PromptName.AdminSlowDown, new { Command = line.Name, lease.RetryAfter()?.TotalSeconds }, language)];
        }

        return await command.HandleAsync(new CommandContext(message, person, line, isAdmin) { Locale = language }, cancellationToken);
    }

    // Only the command's name: its arguments are a chat user's raw text, and may name other people.
    [LoggerMessage(LogLevel.Warning, "{Person} is not an admin and tried /{Command}; refused")]
    private static partial void LogRefused(ILogger logger, string person, string command);

    // Someone who pastes a friend's code without /claim is pointed to the command that claims it.
    private async Task<TextReply> FreeTextReplyAsync(InboundMessage message, string language, CancellationToken cancellationToken)
    {
        var words = message.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 1 && CodeFormat.TryNormalize(words[0], out var code)
            && await db.Codes.AnyAsync(c => c.Value == code, cancellationToken))
            return await prompts.TextAsync(PromptName.FreeTextLooksLikeCode, new { Code = code }, language);

        return await prompts.TextAsync(PromptName.FreeText, null, language);
    }
}
