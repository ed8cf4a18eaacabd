using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Administration;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Campaigns;

/// <summary><c>/tier &lt;slug&gt; &lt;name&gt; &lt;min-purchases&gt; &lt;commission%&gt;</c> sets or replaces a tier; <c>/tier &lt;slug&gt; remove &lt;name&gt;</c>.</summary>
public sealed partial class TierCommand(ReferralBotDbContext db, CampaignDirectory campaigns, AuditLog audit, PromptRenderer prompts) : IChatCommand
{
    public string Name => "tier";

    public bool AdminOnly => true;

    public string? MenuPrompt => PromptName.MenuTier;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        var removing = args.Count == 3 && args[1].Equals("remove", StringComparison.OrdinalIgnoreCase);
        if (!removing && args.Count != 4) return [await Say(PromptName.TierUsage, null, context)];
        if (await campaigns.FindAsync(args[0], cancellationToken) is not { } campaign)
            return [await Say(PromptName.CampaignUnknown, new { Slug = args[0] }, context)];

        var ladder = await db.Set<Tier>().Where(t => t.CampaignId == campaign.Id).ToListAsync(cancellationToken);
        var name = removing ? args[2] : args[1];
        var existing = ladder.FirstOrDefault(t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        var (prompt, model) = removing ? Remove(context, campaign, existing, name) : Set(context, campaign, ladder, existing, name, args[2], args[3]);
        if (prompt is PromptName.TierSet or PromptName.TierRemoved) await db.SaveChangesAsync(cancellationToken);
        return [await Say(prompt, model, context)];
    }

    private (string, object) Set(CommandContext context, Campaign campaign, List<Tier> ladder, Tier? existing, string name, string min, string percent)
    {
        if (!TierName().IsMatch(name)) return (PromptName.TierBadValue, new { Problem = "name", Value = name });
        if (!int.TryParse(min, NumberStyles.None, CultureInfo.InvariantCulture, out var purchases) || purchases > 1_000_000)
            return (PromptName.TierBadValue, new { Problem = "min", Value = min });
        if (!decimal.TryParse(percent.TrimEnd('%'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) || rate > 100 || decimal.Round(rate, 2) != rate)
            return (PromptName.TierBadValue, new { Problem = "percent", Value = percent });
        if (ladder.FirstOrDefault(t => t.MinPurchases == purchases && t != existing) is { } clash)
            return (PromptName.TierBadValue, new { Problem = "clash", Value = min, Other = clash.Name });
        if (existing?.MinPurchases == 0 && purchases != 0 && !ladder.Any(t => t != existing && t.MinPurchases == 0))
            return (PromptName.TierBadValue, new { Problem = "first", Value = min, Other = existing.Name });

        var before = existing is null ? null : Describe(existing);
        var tier = existing ?? new Tier { CampaignId = campaign.Id, Name = name };
        (tier.MinPurchases, tier.CommissionPercent) = (purchases, rate);
        if (existing is null) db.Add(tier);
        audit.Record(context.Person.Address, campaign.Id, "tier.set", before, Describe(tier));
        return (PromptName.TierSet, new { campaign.Slug, Before = before, After = Describe(tier) });
    }

    private (string, object) Remove(CommandContext context, Campaign campaign, Tier? existing, string name)
    {
        if (existing is null) return (PromptName.TierBadValue, new { Problem = "unknown", Value = name });
        if (existing.MinPurchases == 0) return (PromptName.TierBadValue, new { Problem = "first", Value = "remove", Other = existing.Name });

        db.Remove(existing);
        audit.Record(context.Person.Address, campaign.Id, "tier.remove", Describe(existing), null);
        return (PromptName.TierRemoved, new { campaign.Slug, Before = Describe(existing) });
    }

    private static string Describe(Tier tier) => $"{tier.Name} {tier.MinPurchases} ({CampaignSettings.Percent(tier.CommissionPercent)})";

    private Task<TextReply> Say(string prompt, object? model, CommandContext context) => prompts.TextAsync(prompt, model, context.Locale);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]{0,31}$")]
    private static partial Regex TierName();
}
