using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Members;
using ReferralBot.Core.Payouts;
using ReferralBot.Core.Prompts;

namespace ReferralBot.Core.Rewards;

/// <summary>
/// <c>/earnings [campaign]</c>: for each campaign you are in, what you earned, what is pending and when it becomes
/// payable, what is payable now, what was paid out, and anything owed back after a refund of a paid reward.
/// </summary>
public sealed class EarningsCommand(CampaignMemberships members, EarningsQuery earnings, PayoutAccounts accounts, PromptRenderer prompts) : IChatCommand
{
    private const int UpcomingShown = 3;
    private const int PayoutsShown = 5;

    public string Name => "earnings";

    public string? MenuPrompt => PromptName.MenuEarnings;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var (memberships, none) = await members.ForAsync(context, cancellationToken);
        if (none is not null) return [none];

        var campaigns = new List<object>();
        foreach (var member in memberships)
        {
            var money = await earnings.ForAsync(member, cancellationToken);
            var currency = member.Campaign.Currency;
            string Money(decimal amount) => MoneyText.Format(amount, currency);
            // By day: the same day's rewards become payable within hours of each other.
            var upcoming = (await earnings.UpcomingAsync(member, cancellationToken))
                .GroupBy(u => u.PayableAt.Date)
                .Select(g => (At: g.Min(u => u.PayableAt), Amount: g.Sum(u => u.Amount)))
                .Where(u => u.Amount != 0m)
                .ToList();
            var payouts = await earnings.PayoutsAsync(member, PayoutsShown, cancellationToken);
            campaigns.Add(new
            {
                Campaign = member.Campaign.Name,
                Code = member.PrimaryCode,
                Earned = Money(money.Earned),
                Reversed = money.Reversed != 0m ? Money(money.Reversed) : null,
                Pending = Money(money.Pending),
                Upcoming = upcoming.Take(UpcomingShown).Select(u => new { u.At, Amount = Money(u.Amount) }),
                Later = upcoming.Count > UpcomingShown ? Money(upcoming.Skip(UpcomingShown).Sum(u => u.Amount)) : null,
                Payable = Money(money.Payable),
                UnderReview = money.UnderReview != 0m ? Money(money.UnderReview) : null,
                Paid = money.Paid != 0m ? Money(money.Paid) : null,
                InPayment = money.InPayment != 0m ? Money(money.InPayment) : null,
                Payouts = payouts.Select(p => new { p.Reference, Amount = Money(p.Amount), Account = p.Masked, p.Paid, p.PaidAt, p.MadeAt }),
                OwedBack = money.OwedBack != 0m ? Money(money.OwedBack) : null,
                HoldDays = member.Campaign.HoldDays,
            });
        }

        var account = await accounts.FindAsync(context.Person.Id, cancellationToken);
        return [await prompts.TextAsync(PromptName.Earnings, new { Campaigns = campaigns, PayTo = account?.Masked }, context.Locale,
            ReplyButton.Command(await prompts.RenderPlainAsync(PromptName.ButtonStats, null, context.Locale), "/stats"))];
    }
}
