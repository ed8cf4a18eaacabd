using ReferralBot.Core.Conversation;
using ReferralBot.Core.Prompts;

namespace ReferralBot.Core.Members;

/// <summary><c>/code [campaign]</c>: your code, web link, deep link, QR and a share button.</summary>
public sealed class CodeCommand(MembershipResolver memberships, CodeCardBuilder cards, PromptRenderer prompts) : IChatCommand
{
    public string Name => "code";

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var slug = context.Arguments.FirstOrDefault();
        var member = await memberships.ResolveAsync(context.Person, slug, join: true, cancellationToken);
        if (member is null)
        {
            var prompt = slug is null ? PromptName.NoCampaign : PromptName.CampaignNotFound;
            return [await prompts.TextAsync(prompt, new { Slug = slug }, context.Locale)];
        }

        return await cards.BuildAsync(member, context.Locale);
    }
}
