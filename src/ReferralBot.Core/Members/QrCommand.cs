using ReferralBot.Core.Conversation;

namespace ReferralBot.Core.Members;

/// <summary><c>/qr [campaign]</c>: just the QR image again (the "Get QR" button).</summary>
public sealed class QrCommand(MembershipResolver memberships, CodeCardBuilder cards) : IChatCommand
{
    public string Name => "qr";

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var (member, refusal) = await memberships.ResolveForAsync(context, cancellationToken);
        return member is null ? [refusal!] : [await cards.QrAsync(member, context.Locale)];
    }
}
