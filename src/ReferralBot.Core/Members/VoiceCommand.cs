using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Sharing;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Members;

/// <summary>
/// <c>/voice &lt;text&gt;</c>: an influencer's own share text, used by their followers' share and thank-you messages
/// (in every campaign they are an influencer of). Shown back as a follower will see it; <c>/voice off</c> removes it.
/// </summary>
public sealed class VoiceCommand(ReferralBotDbContext db, ShareKit share, PromptRenderer prompts) : IChatCommand
{
    private static readonly string[] Off = ["off", "none", "clear", "-"];

    public string Name => "voice";

    public string? MenuPrompt => PromptName.MenuVoice;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var mine = await db.Members.Include(m => m.Campaign).Include(m => m.Person).Include(m => m.Codes)
            .Where(m => m.PersonId == context.Person.Id && m.Role == MemberRole.Influencer)
            .OrderByDescending(m => m.JoinedAt).ToListAsync(cancellationToken);
        if (mine.Count == 0) return [await Say(PromptName.VoiceNotInfluencer, null, context)];

        var text = VoiceText.Normalize(context.Line.ArgumentText);
        if (text.Length == 0) return [await Say(PromptName.VoiceUsage, new { Max = VoiceText.MaxLength, Current = mine[0].Voice }, context)];
        if (text.Length > VoiceText.MaxLength) return [await Say(PromptName.VoiceTooLong, new { text.Length, Max = VoiceText.MaxLength }, context)];

        var clearing = Off.Contains(text.ToLowerInvariant());
        foreach (var member in mine) member.Voice = clearing ? null : text;
        await db.SaveChangesAsync(cancellationToken);
        if (clearing) return [await Say(PromptName.VoiceCleared, null, context)];

        // The preview is the share text itself, as a follower's Share button will fill it in.
        var preview = await share.TextAsync(mine[0], new ReferralContext(null, text, null), context.Locale);
        return [await Say(PromptName.VoiceSet, new { Preview = preview }, context)];
    }

    private Task<TextReply> Say(string prompt, object? model, CommandContext context) => prompts.TextAsync(prompt, model, context.Locale);
}
