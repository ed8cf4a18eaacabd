using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Members;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Review;

/// <summary>
/// <c>/review [slug]</c> lists the open cases, newest first, the evidence in a line each; <c>/review approve &lt;id&gt;</c>,
/// <c>/review reject &lt;id&gt; [reason…]</c>, <c>/review block &lt;code&gt;</c> decide (admins only).
/// </summary>
public sealed class ReviewCommand(
    ReferralBotDbContext db, CampaignDirectory campaigns, ReviewQuery queue, ReviewDecisions decisions, PromptRenderer prompts) : IChatCommand
{
    /// <summary>How many open cases a list shows.</summary>
    public const int Shown = 15;

    private const int MaxReason = 200;

    public string Name => "review";

    public bool AdminOnly => true;

    public string? MenuPrompt => PromptName.MenuReview;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        return (args.FirstOrDefault()?.ToLowerInvariant(), args.Count) switch
        {
            (null, 0) => [await ListAsync(null, context, cancellationToken)],
            ("approve", 2) => [await DecideAsync(context, args[1], approve: true, null, cancellationToken)],
            ("reject", >= 2) => [await DecideAsync(context, args[1], approve: false, Reason(context.Line.ArgumentText), cancellationToken)],
            ("block", 2) => [await BlockAsync(context, args[1], cancellationToken)],
            ("approve" or "reject" or "block", _) => [await Say(PromptName.ReviewUsage, null, context)],
            (var slug, 1) => [await ListAsync(slug, context, cancellationToken)],
            _ => [await Say(PromptName.ReviewUsage, null, context)],
        };
    }

    private async Task<TextReply> ListAsync(string? slug, CommandContext context, CancellationToken cancellationToken)
    {
        Campaign? campaign = null;
        if (slug is not null && (campaign = await campaigns.FindAsync(slug, cancellationToken)) is null)
            return await Say(PromptName.CampaignUnknown, new { Slug = slug }, context);
        var (lines, total) = await queue.OpenAsync(campaign?.Id, Shown, cancellationToken);
        return await Say(PromptName.ReviewList, new { campaign?.Slug, Cases = lines, Total = total, More = total - lines.Count }, context);
    }

    private async Task<TextReply> DecideAsync(CommandContext context, string id, bool approve, string? reason, CancellationToken cancellationToken)
    {
        if (!int.TryParse(id.TrimStart('#'), out var number)) return await Problem("id", id, context);
        var open = await db.Set<ReviewCase>().SingleOrDefaultAsync(c => c.Id == number, cancellationToken);
        if (open is null) return await Problem("unknown", id, context);
        if (open.State != ReviewState.Open) return await Problem("decided", id, context, open);

        var reversed = 0;
        if (approve) await decisions.ApproveAsync(open, context.Person.Address, cancellationToken);
        else reversed = await decisions.RejectAsync(open, context.Person.Address, reason, cancellationToken);
        return await Say(PromptName.ReviewDone, new { Action = approve ? "approved" : "rejected", open.Id, open.Rule, Reversed = reversed, open.Holds }, context);
    }

    private async Task<TextReply> BlockAsync(CommandContext context, string code, CancellationToken cancellationToken)
    {
        if (!CodeFormat.TryNormalize(code, out var normalized)) return await Problem("code", code, context);
        var member = await db.Members.Include(m => m.Codes).SingleOrDefaultAsync(m => m.Codes.Any(c => c.Value == normalized), cancellationToken);
        if (member is null) return await Problem("code", code, context);
        if (member.BlockedAt is not null) return await Problem("blocked", normalized, context);
        var rejected = await decisions.BlockAsync(member, context.Person.Address, cancellationToken);
        return await Say(PromptName.ReviewDone, new { Action = "blocked", Code = normalized, Rejected = rejected }, context);
    }

    // Everything after the id, at most MaxReason characters.
    private static string? Reason(string arguments)
    {
        var parts = arguments.Trim().Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3) return null;
        var reason = parts[2].Trim();
        return reason.Length <= MaxReason ? reason : reason[..MaxReason];
    }

    private Task<TextReply> Problem(string problem, string value, CommandContext context, ReviewCase? decided = null) =>
        Say(PromptName.ReviewProblem, new { Problem = problem, Value = value, State = decided?.State.ToString().ToLowerInvariant(), decided?.DecidedBy }, context);

    private Task<TextReply> Say(string prompt, object? model, CommandContext context) => prompts.TextAsync(prompt, model, context.Locale);
}
