using ReferralBot.Core.Conversation;
using ReferralBot.Core.Experiments;
using ReferralBot.Core.Links;
using ReferralBot.Core.Members;
using ReferralBot.Core.Prompts;

namespace ReferralBot.Core.Sharing;

/// <summary>
/// Everything a member shares with: the share text in their voice (their own, else their referrer's) ending with the
/// disclosure advertising rules ask of someone paid for a referral, their link tagged with where it is shared, and the
/// share buttons (WhatsApp, Telegram, copy the text, post the card to a chat).
/// </summary>
public sealed class ShareKit(ReferralLinkBuilder links, PromptRenderer prompts)
{
    /// <summary>The longest text a copy button carries (Telegram's limit); a longer one is copied from <c>/share</c>.</summary>
    public const int MaxCopyLength = 256;

    /// <summary>The member's link as shared from <paramref name="source"/>: their page where the campaign has pages.</summary>
    public string Link(Member member, string source) => links.WebLink(member.PrimaryCode, source, member.Campaign.LandingPages);

    /// <summary>The model every share text renders with.</summary>
    public async Task<ShareModel> ModelAsync(Member member, ReferralContext referral, string locale)
    {
        var campaign = member.Campaign;
        var terms = referral.Terms ?? CampaignTerms.Of(campaign);
        var earns = member.Role == MemberRole.Influencer || terms.ReferrerReward > 0m;
        var disclosure = !earns ? null
            : campaign.Disclosure ?? await prompts.RenderPlainAsync(PromptName.ShareDisclosure, new { Influencer = member.Role == MemberRole.Influencer }, locale);
        return new ShareModel(member.PrimaryCode, campaign.Name, terms.Offer, referral.Voice, member.Person.DisplayName, disclosure);
    }

    public async Task<string> TextAsync(Member member, ReferralContext referral, string locale) =>
        await prompts.RenderPlainAsync(PromptName.ShareText, await ModelAsync(member, referral, locale), locale);

    public async Task<IReadOnlyList<ReplyButton>> ButtonsAsync(Member member, ReferralContext referral, string locale)
    {
        var text = await TextAsync(member, referral, locale);
        var copied = $"{text} {Link(member, LinkSource.Copied)}";
        var buttons = new List<ReplyButton>
        {
            ReplyButton.Link(await Label(PromptName.ButtonWhatsApp, locale), ShareTargets.WhatsApp(text, Link(member, LinkSource.WhatsApp))),
            ReplyButton.Share(await Label(PromptName.ButtonTelegram, locale), Link(member, LinkSource.Telegram), text),
        };
        if (copied.Length <= MaxCopyLength) buttons.Add(ReplyButton.Copy(await Label(PromptName.ButtonCopy, locale), copied));
        buttons.Add(ReplyButton.ShareToChat(await Label(PromptName.ButtonShareToChat, locale), member.PrimaryCode));
        return buttons;
    }

    private Task<string> Label(string prompt, string locale) => prompts.RenderPlainAsync(prompt, null, locale);
}
