using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Experiments;
using ReferralBot.Core.Members;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Purchases;
using ReferralBot.Core.Rewards;
using ReferralBot.Core.Sharing;
using ReferralBot.Core.Storage;
using ReferralBot.Core.Languages;

namespace ReferralBot.Core.Nudges;

/// <summary>Renders a nudge from its prompt when it goes out, so the figures in it are those of that moment.</summary>
public sealed class NudgeRenderer(
    ReferralBotDbContext db, PromptRenderer prompts, LanguageSet languages, CodeCardBuilder cards, ShareKit share, ReferralLookup referrals, TierStanding standing)
{
    public async Task<IReadOnlyList<Reply>> RenderAsync(Nudge nudge, Member member, CancellationToken cancellationToken)
    {
        var locale = languages.Of(member.Person, member.Campaign);
        return nudge.Kind switch
        {
            NudgeKind.ReferrerPurchase => [await prompts.TextAsync(PromptName.NudgeReferrerPurchase, await StandingAsync(nudge, member, cancellationToken), locale)],
            NudgeKind.TierUp => [await prompts.TextAsync(PromptName.NudgeTierUp, await StandingAsync(nudge, member, cancellationToken), locale)],
            NudgeKind.ThankYou => [await InviteAsync(PromptName.NudgeThankYou, t => t.ThankYouTemplate, member, locale, cancellationToken)],
            NudgeKind.Reminder => [await InviteAsync(PromptName.NudgeReminder, _ => null, member, locale, cancellationToken)],
            _ => [await InviteAsync(PromptName.NudgeShareAgain, t => t.ShareAgainTemplate, member, locale, cancellationToken)],
        };
    }

    // The referrer's standing now: purchases, tier, the next one, and what this order earned them.
    private async Task<object> StandingAsync(Nudge nudge, Member member, CancellationToken cancellationToken)
    {
        var count = await standing.CountAsync(member.Id, cancellationToken);
        var ladder = await standing.LadderAsync(member.Campaign, cancellationToken);
        var influencer = member.Role == MemberRole.Influencer;
        var next = influencer ? ladder.After(count) : null;
        var earned = await db.Set<LedgerEntry>()
            .Where(e => e.MemberId == member.Id && e.Purchase!.OrderId == nudge.OrderId && e.Kind != LedgerKind.Discount && e.ReversesEntryId == null)
            .Select(e => e.Amount).ToListAsync(cancellationToken);
        return new
        {
            Name = member.Person.DisplayName,
            Campaign = member.Campaign.Name,
            Code = member.PrimaryCode,
            Purchases = count,
            Tier = influencer ? nudge.TierName ?? ladder.At(count)?.Name : null,
            Rate = influencer ? CampaignSettings.Percent(ladder.RateAt(count)) : null,
            NextTier = next?.Name,
            ToNext = next is null ? (int?)null : next.MinPurchases - count,
            Earned = earned.Count == 0 ? null : MoneyText.Format(earned.Sum(), member.Campaign.Currency),
        };
    }

    // Thank-you and share-again: the buyer's own code and link, what sharing earns them, the share buttons in the voice.
    // The campaign's own template (or the member's experiment variant of it) in place of the prompt file where it has one.
    private async Task<TextReply> InviteAsync(
        string prompt, Func<CampaignTerms, string?> ownTemplate, Member member, string locale, CancellationToken cancellationToken)
    {
        var referral = await referrals.ForAsync(member, cancellationToken);
        var terms = referral.Terms ?? CampaignTerms.Of(member.Campaign);
        var card = cards.Model(member, referral);
        var campaign = member.Campaign;
        var reward = member.Role == MemberRole.Influencer
            ? await prompts.RenderPlainAsync(PromptName.RewardCommission, new { Percent = CampaignSettings.Percent(campaign.CommissionPercent) }, locale)
            : CampaignSettings.Money(terms.ReferrerReward, campaign);
        var model = new { Card = card, Reward = reward, Name = member.Person.DisplayName, Campaign = campaign.Name, Code = member.PrimaryCode, referral.Voice, referral.ReferrerName, terms.Offer };
        var code = ReplyButton.Command(await prompts.RenderPlainAsync(PromptName.ButtonCode, null, locale), "/code");
        ReplyButton[] buttons = [.. await share.ButtonsAsync(member, referral, locale), code];
        return ownTemplate(terms) is { } source
            ? await prompts.TextFromSourceAsync(source, model, locale, buttons)
            : await prompts.TextAsync(prompt, model, locale, buttons);
    }
}
