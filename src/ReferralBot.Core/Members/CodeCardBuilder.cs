using ReferralBot.Core.Conversation;
using ReferralBot.Core.Experiments;
using ReferralBot.Core.Links;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Sharing;

namespace ReferralBot.Core.Members;

/// <summary>
/// A member's code, links and QR, with the one-tap share buttons: what /code, a welcome and a nudge show. It renders
/// only; who referred the member comes from the caller (<see cref="ReferralLookup"/>, or the claim just made).
/// </summary>
public sealed class CodeCardBuilder(ReferralLinkBuilder links, ChatLinks chatLinks, ShareKit share, PromptRenderer prompts)
{
    public async Task<IReadOnlyList<Reply>> BuildAsync(
        Member member, ReferralContext referral, string locale, string? introPrompt = null, object? introModel = null)
    {
        var model = Model(member, referral);
        var buttons = await ButtonsAsync(member, referral, locale);
        var card = await prompts.RenderAsync(PromptName.CodeCard, model, locale);
        var text = introPrompt is null ? card : await prompts.RenderAsync(introPrompt, introModel ?? model, locale) + "\n\n" + card;
        return [new TextReply(text, buttons), await QrAsync(member, locale)];
    }

    public async Task<QrCodeReply> QrAsync(Member member, string locale)
    {
        var code = member.PrimaryCode;
        var encoded = links.WebLink(code, LinkSource.Qr, member.Campaign.LandingPages);
        var caption = await prompts.RenderAsync(PromptName.QrCaption, Model(member), locale);
        return new QrCodeReply($"{code}.png", caption, encoded, links.QrImageUrl(code));
    }

    /// <summary>
    /// The member's <see cref="ReferralContext"/> when their referrer, and the code they claimed, are known: the shop
    /// link through that code (carrying the member's reference, so what the member buys is credited to them) and the
    /// voice the member's share text takes: the campaign's (or their variant's) share text, else their own, else their
    /// referrer's.
    /// </summary>
    public ReferralContext Referral(Member member, string claimedCode, string? referrerVoice, string referrerName, CampaignTerms terms) =>
        new(links.ShopLink(claimedCode, member.Reference), terms.ShareText ?? member.Voice ?? referrerVoice, referrerName, terms);

    public object Model(Member member, ReferralContext? referral = null)
    {
        var code = member.PrimaryCode;
        return new
        {
            Code = code,
            WebLink = links.WebLink(code, landingPage: member.Campaign.LandingPages),
            DeepLinks = chatLinks.For(code),
            Campaign = member.Campaign.Name,
            CampaignSlug = member.Campaign.Slug,
            (referral?.Terms ?? CampaignTerms.Of(member.Campaign)).Offer,
            DisplayName = member.Person.DisplayName,
            referral?.ShopLink,
            referral?.Voice,
            referral?.ReferrerName,
        };
    }

    /// <summary>The share kit (in the voice), My stats and Get QR.</summary>
    public async Task<ReplyButton[]> ButtonsAsync(Member member, ReferralContext referral, string locale)
    {
        var model = Model(member, referral);
        return
        [
            .. await share.ButtonsAsync(member, referral, locale),
            ReplyButton.Command(await prompts.RenderPlainAsync(PromptName.ButtonStats, model, locale), "/stats"),
            ReplyButton.Command(await prompts.RenderPlainAsync(PromptName.ButtonQr, model, locale), $"/qr {member.Campaign.Slug}"),
        ];
    }
}

/// <summary>
/// A member's referrer as their messages need it (null for someone nobody referred), the voice they share in, and the
/// <see cref="Terms"/> they share (an experiment's variant, or the campaign's own; null: the campaign's own).
/// </summary>
public sealed record ReferralContext(string? ShopLink, string? Voice, string? ReferrerName, CampaignTerms? Terms = null);
