using System.Text;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Links;
using ReferralBot.Core.Members;
using ReferralBot.Core.Prompts;

namespace ReferralBot.Core.Sharing;

/// <summary>
/// <c>/share [campaign]</c>: ready-to-paste texts for an Instagram or TikTok caption and a WhatsApp status, in the
/// member's voice where they have one, each with its own tagged link and ending with the disclosure, and a copy button
/// for each.
/// </summary>
public sealed class ShareCommand(MembershipResolver memberships, ReferralLookup referrals, ShareKit share, PromptRenderer prompts) : IChatCommand
{
    private static readonly (string Prompt, string Source)[] Targets =
    [
        (PromptName.ShareInstagram, LinkSource.Instagram),
        (PromptName.ShareTikTok, LinkSource.TikTok),
        (PromptName.ShareWhatsAppStatus, LinkSource.WhatsAppStatus),
    ];

    public string Name => "share";

    public string? MenuPrompt => PromptName.MenuShare;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var (member, refusal) = await memberships.ResolveForAsync(context, cancellationToken);
        if (member is null) return [refusal!];

        var locale = context.Locale;
        var model = await share.ModelAsync(member, await referrals.ForAsync(member, cancellationToken), locale);
        var texts = new Dictionary<string, string>();
        var buttons = new List<ReplyButton>();
        foreach (var (prompt, source) in Targets)
        {
            var text = await prompts.RenderPlainAsync(prompt, new
            {
                model.Code, model.Campaign, model.Offer, model.Voice, model.DisplayName, model.Disclosure,
                Link = share.Link(member, source),
                Hashtag = Hashtag(model.Campaign),
            }, locale);
            texts[source] = text;
            if (text.Length <= ShareKit.MaxCopyLength)
                buttons.Add(ReplyButton.Copy(await prompts.RenderPlainAsync(PromptName.ButtonCopyFor, new { Target = source }, locale), text));
        }

        return [await prompts.TextAsync(PromptName.ShareKit, new
        {
            Instagram = texts[LinkSource.Instagram],
            Tiktok = texts[LinkSource.TikTok],
            WhatsappStatus = texts[LinkSource.WhatsAppStatus],
            model.Disclosure,
        }, locale, buttons)];
    }

    // "Glow Serum 2026" → #GlowSerum2026: letters and digits of any script, words run together.
    private static string Hashtag(string campaign)
    {
        var tag = new StringBuilder("#");
        foreach (var word in campaign.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = string.Concat(word.Where(char.IsLetterOrDigit));
            if (letters.Length > 0) tag.Append(char.ToUpperInvariant(letters[0])).Append(letters[1..]);
        }

        return tag.Length > 1 ? tag.ToString() : "";
    }
}
