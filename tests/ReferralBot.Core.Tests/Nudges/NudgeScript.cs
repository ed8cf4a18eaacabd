using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Nudges;
using ReferralBot.Core.Outbound;
using ReferralBot.Core.Purchases;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Nudges;

/// <summary>Nudge steps on top of a chat script: purchases with a known buyer, a dispatcher run, what went out.</summary>
internal static class NudgeScript
{
    public static readonly Dictionary<string, string?> Sgd = new() { ["Bot:DefaultCurrency"] = "SGD" };

    /// <summary>Jane (influencer JANE20) and Bob, who joined with her code; the clock is then at 09:00 UTC.</summary>
    public static async Task<ChatScript> JaneAndBobAsync(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(Sgd);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var chat = await ChatScript.StartAsync(all);
        await chat.SendAsync("jane", "/start", "Jane");
        await chat.SendAsync("admin", "/influencer glow-serum test:jane JANE20");
        await chat.SendAsync("bob", "/start JANE20", "Bob");
        await chat.Outbound.NextAsync(); // Jane hears Bob joined
        return chat;
    }

    public static async Task<PurchaseOutcome> BuysAsync(this ChatScript chat, string orderId, string buyer, decimal amount = 80m)
    {
        var reference = await chat.DbAsync(db => db.Members.Where(m => m.Person.ExternalId == buyer).Select(m => m.Reference).FirstAsync());
        await using var scope = chat.Services.CreateAsyncScope();
        var report = new PurchaseReport(orderId, amount, "SGD", chat.Time.GetUtcNow().UtcDateTime, null, reference, null, null, "webhook");
        return await scope.ServiceProvider.GetRequiredService<PurchaseIntake>().RecordAsync(report, CancellationToken.None);
    }

    public static async Task RefundsAsync(this ChatScript chat, string orderId)
    {
        await using var scope = chat.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RefundIntake>().RecordAsync(new RefundReport(orderId, chat.Time.GetUtcNow().UtcDateTime, null, "webhook"), CancellationToken.None);
    }

    /// <summary>One run of what the Quartz job does, then waits until everything queued has been delivered.</summary>
    public static async Task<int> DispatchAsync(this ChatScript chat)
    {
        int queued;
        await using (var scope = chat.Services.CreateAsyncScope())
            queued = await scope.ServiceProvider.GetRequiredService<NudgeDispatcher>().DispatchDueAsync(CancellationToken.None);
        await chat.OutboxSettledAsync();
        return queued;
    }

    public static async Task OutboxSettledAsync(this ChatScript chat)
    {
        for (var i = 0; i < 500; i++)
        {
            if (!await chat.DbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.SentAt == null && m.DroppedAt == null && m.DueAt <= DateTime.MaxValue))) return;
            await Task.Delay(20);
        }

        var stuck = await chat.DbAsync(db => db.Set<OutboxMessage>().Where(m => m.SentAt == null && m.DroppedAt == null).Select(m => m.Key + " " + m.Channel + " due " + m.DueAt + " attempts " + m.Attempts).ToListAsync());
        throw new TimeoutException("The outbox did not deliver: " + string.Join("; ", stuck) + " now " + chat.Time.GetUtcNow());
    }

    public static Task<List<Nudge>> NudgesAsync(this ChatScript chat) =>
        chat.DbAsync(db => db.Set<Nudge>().AsNoTracking().OrderBy(n => n.Id).ToListAsync());

    /// <summary>The texts delivered to <paramref name="user"/> so far, nudges and notifications alike.</summary>
    public static List<string> To(this ChatScript chat, string user) =>
        chat.Outbound.Delivered.Where(d => d.ChatId == user).Select(d => d.Said.Text).ToList();

    public static List<Said> SaidTo(this ChatScript chat, string user) =>
        chat.Outbound.Delivered.Where(d => d.ChatId == user).Select(d => d.Said).ToList();
}
