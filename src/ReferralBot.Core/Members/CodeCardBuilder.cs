using ReferralBot.Core.Conversation;
using ReferralBot.Core.Links;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace ReferralBot.Core.Members;

/// <summary>A member's code, links and QR, with the one-tap share button: what /code and a welcome show.</summary>
public sealed class CodeCardBuilder(ReferralLinkBuilder links, ChatDeepLinks deepLinks, PromptRenderer prompts, ReferralBotDbContext db)
{
    public async Task<IReadOnlyList<Reply>> BuildAsync(Member member, string locale, string? introPrompt = null, object? introModel = null)
    {
        var model = Model(member, await ShopLinkAsync(member));
        var buttons = await ButtonsAsync(member, locale);
        var card = await prompts.RenderAsync(PromptName.CodeCard, model, locale);
        var text = introPrompt is null ? card : await prompts.RenderAsync(introPrompt, introModel ?? model, locale) + "\n\n" + card;
        return [new TextReply(text, buttons), await QrAsync(member, locale)];
    }

    public async Task<QrCodeReply> QrAsync(Member member, string locale)
    {
        var code = member.PrimaryCode;
        var encoded = links.WebLink(code, LinkSource.Qr);
        var caption = await prompts.RenderAsync(PromptName.QrCaption, Model(member), locale);
        return new QrCodeReply(QrCodeRenderer.Png(encoded), $"{code}.png", caption, encoded, links.QrImageUrl(code));
    }

    /// <summary>
    /// A referred member's own shop link: through their referrer's code, carrying their reference, so what they buy
    /// is credited to whoever referred them. Null for a member nobody referred.
    /// </summary>
    public async Task<string?> ShopLinkAsync(Member member)
    {
        var claimed = await db.Claims.Where(c => c.ReferredMemberId == member.Id).Select(c => c.Code).SingleOrDefaultAsync();
        return claimed is null ? null : links.ShopLink(claimed, member.Reference);
    }

    public object Model(Member member, string? shopLink = null)
    {
        var code = member.PrimaryCode;
        return new
        {
            Code = code,
            WebLink = links.WebLink(code),
            DeepLinks = deepLinks.For(code),
            Campaign = member.Campaign.Name,
            CampaignSlug = member.Campaign.Slug,
            member.Campaign.Offer,
            DisplayName = member.Person.DisplayName,
            ShopLink = shopLink,
        };
    }

    private async Task<ReplyButton[]> ButtonsAsync(Member member, string locale)
    {
        var code = member.PrimaryCode;
        var model = Model(member);
        var shareUrl = deepLinks.For(code).FirstOrDefault()?.Url ?? links.WebLink(code, LinkSource.Telegram);
        return
        [
            ReplyButton.Share(
                await prompts.RenderPlainAsync(PromptName.ButtonShare, model, locale),
                shareUrl,
                await prompts.RenderPlainAsync(PromptName.ShareText, model, locale)),
            ReplyButton.Command(await prompts.RenderPlainAsync(PromptName.ButtonStats, model, locale), "/stats"),
            ReplyButton.Command(await prompts.RenderPlainAsync(PromptName.ButtonQr, model, locale), $"/qr {member.Campaign.Slug}"),
        ];
    }
}
