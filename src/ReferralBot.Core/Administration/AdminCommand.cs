using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Bot;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Administration;

/// <summary><c>/admin add|remove|list</c>: who runs the bot besides the configured admins.</summary>
public sealed class AdminCommand(ReferralBotDbContext db, AdminDirectory admins, AdminPolicy configured, AuditLog audit, TimeProvider time, PromptRenderer prompts)
    : IChatCommand
{
    public string Name => "admin";

    public bool AdminOnly => true;

    public string? MenuPrompt => PromptName.MenuAdmin;

    public async Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        var sub = args.Count > 0 ? args[0].ToLowerInvariant() : "";
        if (sub == "list" && args.Count == 1) return [await ListAsync(context, cancellationToken)];
        if (sub is not ("add" or "remove") || args.Count != 2) return [await prompts.TextAsync(PromptName.AdminUsage, null, context.Locale)];
        if (!ChatAddress.TryParse(args[1], out var address))
            return [await prompts.TextAsync(PromptName.AdminBadAddress, new { Input = args[1] }, context.Locale)];

        var model = new { Address = address.Value.ToString(), Name = await NameOfAsync(address.Value, cancellationToken) };
        var prompt = sub == "add" ? await AddAsync(context, address.Value, cancellationToken) : await RemoveAsync(context, address.Value, cancellationToken);
        return [await prompts.TextAsync(prompt, model, context.Locale)];
    }

    private async Task<string> AddAsync(CommandContext context, ChatAddress address, CancellationToken cancellationToken)
    {
        if (admins.IsConfigured(address) || await admins.GrantAsync(address, cancellationToken) is not null) return PromptName.AdminAlready;

        db.Add(new AdminGrant { Channel = address.Channel, UserId = address.UserId, GrantedBy = context.Person.Address, GrantedAt = time.GetUtcNow().UtcDateTime });
        audit.Record(context.Person.Address, null, "admin.add", null, address.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return PromptName.AdminAdded;
    }

    private async Task<string> RemoveAsync(CommandContext context, ChatAddress address, CancellationToken cancellationToken)
    {
        if (admins.IsConfigured(address)) return PromptName.AdminConfigured;
        if (await admins.GrantAsync(address, cancellationToken) is not { } grant) return PromptName.AdminNotFound;

        db.Remove(grant);
        audit.Record(context.Person.Address, null, "admin.remove", address.ToString(), null);
        await db.SaveChangesAsync(cancellationToken);
        return PromptName.AdminRemoved;
    }

    private async Task<TextReply> ListAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var fixedAdmins = configured.Configured.Select(a => a.ToString()).Prepend($"{AdminPolicy.ConsoleChannel}:{AdminPolicy.ConsoleOwner}");
        var granted = (await admins.GrantsAsync(cancellationToken))
            .Select(g => new { Address = $"{g.Channel}:{g.UserId}", g.GrantedBy, g.GrantedAt })
            .ToList();
        return await prompts.TextAsync(PromptName.AdminList, new { Configured = fixedAdmins.ToList(), Granted = granted }, context.Locale);
    }

    private Task<string?> NameOfAsync(ChatAddress address, CancellationToken cancellationToken) =>
        db.People.Where(p => p.Channel == address.Channel && p.ExternalId == address.UserId).Select(p => p.DisplayName).SingleOrDefaultAsync(cancellationToken);
}
