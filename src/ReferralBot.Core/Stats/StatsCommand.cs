using System.Globalization;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Members;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Purchases;

namespace ReferralBot.Core.Stats;

/// <summary>
/// <c>/stats [campaign]</c>: for each campaign you are in, page views (where it has pages), clicks, sign-ups, purchases, conversion, revenue driven,
/// earnings and, for influencers, the tier and how far the next one is.
/// </summary>
public sealed class StatsCommand(CampaignMemberships members, MemberStatsQuery stats, PromptRenderer prompts) : IChatCommand
{
    public string Name => "stats";

    public string? MenuPrompt => PromptName.MenuStats;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var (memberships, none) = await members.ForAsync(context, cancellationToken);
        if (none is not null) return [none];

        var campaigns = new List<object>();
        foreach (var member in memberships)
        {
            var tally = await stats.ForAsync(member, cancellationToken);
            campaigns.Add(new
            {
                Campaign = member.Campaign.Name,
                Code = member.PrimaryCode,
                tally.Views,
                Pages = member.Campaign.LandingPages || tally.Views > 0,
                tally.Clicks,
                tally.LastClickAt,
                tally.SignUps,
                tally.LastSignUpAt,
                tally.Purchases,
                Conversion = tally.ConversionPercent is { } rate ? rate.ToString("0.#", CultureInfo.InvariantCulture) + "%" : null,
                Revenue = MoneyText.Format(tally.Revenue, tally.Currency),
                Earnings = MoneyText.Format(tally.Earnings, tally.Currency),
                Payable = MoneyText.Format(tally.Payable, tally.Currency),
                HasEarnings = tally.Earnings != 0m || member.Role == MemberRole.Influencer,
                tally.Tier,
                tally.NextTier,
                ToNext = tally.PurchasesToNextTier,
                tally.CardsPosted,
            });
        }

        return [await prompts.TextAsync(PromptName.Stats, new { Campaigns = campaigns }, context.Locale,
            ReplyButton.Command(await prompts.RenderPlainAsync(PromptName.ButtonCode, null, context.Locale), "/code"))];
    }
}
