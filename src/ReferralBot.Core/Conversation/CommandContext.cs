using ReferralBot.Core.Members;

namespace ReferralBot.Core.Conversation;

public sealed record CommandContext(InboundMessage Message, Person Person, CommandLine Line, bool IsAdmin)
{
    public IReadOnlyList<string> Arguments => Line.Arguments;

    public string Locale => Message.Locale;
}
