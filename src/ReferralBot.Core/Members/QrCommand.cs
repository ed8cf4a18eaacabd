using ReferralBot.Core.Conversation;
using ReferralBot.Core.Prompts;

namespace ReferralBot.Core.Members;

/// <summary><c>/qr [campaign]</c>: just the QR image again (the "Get QR" button).</summary>
public sealed class QrCommand(MembershipResolver memberships, CodeCardBuilder cards, PromptRenderer prompts) : IChatCommand
{
    public string Name => "qr";

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var slug = context.Arguments.FirstOrDefault();
        var member = await memberships.ResolveAsync(context.Person, slug, join: true, cancellationToken);
        if (member is null)
        {
            var prompt = slug is null ? PromptName.NoCampaign : PromptName.CampaignNotFound;
            return [await prompts.TextAsync(prompt, new { Slug = slug }, context.Locale)];
        }

        return [await cards.QrAsync(member, context.Locale)];
    }
}
