using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Links;
using ReferralBot.Core.Members;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Pages;

/// <summary>
/// <c>/photo</c>: the picture on your landing page and preview cards. Send it with <c>/photo</c> as its caption, or
/// <c>/photo</c> and then the picture; <c>/photo off</c> shows none, <c>/photo profile</c> your profile picture again.
/// A picture nobody asked for changes nothing: a receipt or a meme sent to the bot is not put on a page.
/// </summary>
public sealed class PhotoCommand(
    ReferralBotDbContext db, MemberDirectory members, ReferralLinkBuilder links, PromptRenderer prompts, TimeProvider time) : IChatCommand
{
    /// <summary>How long after <c>/photo</c> a picture without a caption is still taken for the page.</summary>
    public static readonly TimeSpan RequestLifetime = TimeSpan.FromMinutes(15);

    public string Name => ConversationEngine.PhotoCommandName;

    public string? MenuPrompt => PromptName.MenuPhoto;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var memberships = await members.MembershipsAsync(context.Person.Id, cancellationToken);
        if (memberships.Count == 0) return [await Say(PromptName.StatsNotMember, null, context)];

        var now = time.GetUtcNow().UtcDateTime;
        var person = context.Person;
        var stored = await db.Set<PersonPhoto>().SingleOrDefaultAsync(p => p.PersonId == person.Id, cancellationToken);
        var member = memberships[0];
        var pageLink = member.Campaign.LandingPages ? links.WebLink(member.PrimaryCode, landingPage: true) : null;

        if (context.Message.Photo is { } sent)
        {
            var asked = CommandLine.Parse(context.Message.Text)?.Name == Name || person.PhotoRequestedAt > now - RequestLifetime;
            if (!asked) return [await Say(PromptName.PhotoUnasked, null, context)];
            if (PhotoImage.ToJpeg(sent) is not { } jpeg) return [await Say(PromptName.PhotoNotAPicture, new { PhotoImage.MinSide }, context)];

            Keep(stored, person.Id, jpeg, PhotoOrigin.Sent, now);
            person.PhotoRequestedAt = null;
            await db.SaveChangesAsync(cancellationToken);
            return [await Say(PromptName.PhotoSet, new { PageLink = pageLink }, context)];
        }

        switch (context.Arguments.FirstOrDefault()?.ToLowerInvariant())
        {
            case "off" or "none" or "remove":
                Keep(stored, person.Id, null, PhotoOrigin.Sent, now); // a "no photo" of their own: the profile picture is not fetched either
                person.PhotoRequestedAt = null;
                await db.SaveChangesAsync(cancellationToken);
                return [await Say(PromptName.PhotoRemoved, new { PageLink = pageLink }, context)];
            case "profile":
                if (stored is not null) db.Remove(stored); // looked up again when the page is next shown
                person.PhotoRequestedAt = null;
                await db.SaveChangesAsync(cancellationToken);
                return [await Say(PromptName.PhotoProfile, new { PageLink = pageLink }, context)];
            default:
                person.PhotoRequestedAt = now;
                await db.SaveChangesAsync(cancellationToken);
                return [await Say(PromptName.PhotoUsage, new
                {
                    Minutes = (int)RequestLifetime.TotalMinutes,
                    Current = stored switch { null => "none", { Jpeg: null } => "none", { Origin: PhotoOrigin.Sent } => "sent", _ => "profile" },
                    PageLink = pageLink,
                }, context)];
        }
    }

    private void Keep(PersonPhoto? stored, int personId, byte[]? jpeg, PhotoOrigin origin, DateTime now)
    {
        if (stored is null) db.Add(stored = new PersonPhoto { PersonId = personId });
        (stored.Jpeg, stored.Origin, stored.UpdatedAt) = (jpeg, origin, now);
    }

    private Task<TextReply> Say(string prompt, object? model, CommandContext context) => prompts.TextAsync(prompt, model, context.Locale);
}
