using ReferralBot.Core.Members;

namespace ReferralBot.Core.Conversation;

/// <param name="IsAdmin">Known only to commands whose <see cref="IChatCommand.UsesAdminStatus"/> is true; false for the rest.</param>
public sealed record CommandContext(InboundMessage Message, Person Person, CommandLine Line, bool IsAdmin)
{
    public IReadOnlyList<string> Arguments => Line.Arguments;

    /// <summary>The language the person is answered in (see <see cref="Languages.PersonLanguage"/>); their app's tag until the engine sets it.</summary>
    public string Locale { get; init; } = Message.Locale;
}
