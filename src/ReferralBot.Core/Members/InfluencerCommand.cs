using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Bot;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Members;

/// <summary><c>/influencer &lt;slug&gt; &lt;@username|user-id&gt; &lt;CODE&gt; [flat-fee]</c> for admins.</summary>
public sealed class InfluencerCommand(ReferralBotDbContext db, CampaignDirectory campaigns, InfluencerEnrollment enrollment, PromptRenderer prompts) : IChatCommand
{
    public string Name => "influencer";

    public bool AdminOnly => true;

    public string? MenuPrompt => PromptName.MenuInfluencer;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        if (args.Count is < 3) return [await Say(PromptName.InfluencerUsage, null, context)];
        if (await campaigns.FindAsync(args[0], cancellationToken) is not { } campaign) return [await Say(PromptName.CampaignUnknown, new { Slug = args[0] }, context)];
        if (await FindPersonAsync(args[1], context, cancellationToken) is not { } person) return [await Say(PromptName.InfluencerUnknownPerson, new { Who = args[1] }, context)];
        if (!CodeFormat.TryNormalize(args[2], out var code)) return [await Say(PromptName.ClaimInvalidCode, new { Input = args[2] }, context)];

        decimal? fee = null;
        if (args.Count > 3)
        {
            if (CampaignSettings.TryAmount(string.Join(' ', args.Skip(3)), campaign, out var amount) is not null)
                return [await Say(PromptName.InfluencerBadFee, new { Value = string.Join(' ', args.Skip(3)), campaign.Currency }, context)];
            fee = amount;
        }

        var result = await enrollment.EnrollAsync(context.Person.Address, campaign, person, code, fee, cancellationToken);
        if (result is null) return [await Say(PromptName.InfluencerCodeTaken, new { Code = code }, context)];

        return [await Say(PromptName.InfluencerSet, new
        {
            Name = person.DisplayName,
            person.Address,
            campaign.Slug,
            Code = code,
            Fee = CampaignSettings.Money(result.Member.FlatFee, campaign),
            result.EarlierCode,
        }, context)];
    }

    // "@jane" by username, "telegram:123" by address, "123" by id on the admin's own channel.
    private Task<Person?> FindPersonAsync(string who, CommandContext context, CancellationToken cancellationToken)
    {
        if (who.StartsWith('@'))
        {
            var username = who[1..].ToLowerInvariant();
#pragma warning disable CA1304, CA1311 // runs as SQL lower(), where culture does not apply; EF cannot translate ToLowerInvariant
            return db.People.Where(p => p.Username != null && p.Username.ToLower() == username)
#pragma warning restore CA1304, CA1311
                .OrderByDescending(p => p.Channel == context.Message.Channel).FirstOrDefaultAsync(cancellationToken);
        }

        var address = ChatAddress.TryParse(who, out var parsed) ? parsed.Value : new ChatAddress(context.Message.Channel, who);
        return db.People.SingleOrDefaultAsync(p => p.Channel == address.Channel && p.ExternalId == address.UserId, cancellationToken);
    }

    private Task<TextReply> Say(string prompt, object? model, CommandContext context) => prompts.TextAsync(prompt, model, context.Locale);
}
