using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Inbound;
using ReferralBot.Core.Purchases;
using ReferralBot.Core.Review;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Review;

/// <summary>Steps of the fraud scripts on top of a chat script: other channels, purchases by customer or code, a scan.</summary>
internal static class ReviewScript
{
    /// <summary>SGD, every reward payable at once, and every rule's threshold low enough for a script to reach.</summary>
    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["Bot:DefaultCurrency"] = "SGD",
        ["Fraud:ClaimBurst:Claims"] = "3",
        ["Fraud:NewAccounts:Claimers"] = "3",
        ["Fraud:ClickFlood:ClicksPerVisitor"] = "5",
        ["Fraud:FastClaims:Claims"] = "2",
        ["Fraud:LeakedCode:Buyers"] = "3",
        ["Fraud:Refunds:MinimumRefunds"] = "2",
    };

    public static async Task<ChatScript> StartAsync()
    {
        var chat = await ChatScript.StartAsync(Settings);
        await chat.SendAsync("admin", "/campaign set glow-serum referrer-reward 12");
        await chat.SendAsync("admin", "/campaign set glow-serum hold 0");
        return chat;
    }

    public static async Task<Said> SendOnAsync(this ChatScript chat, string channel, string user, string name, string text, string? username = null)
    {
        var message = new InboundMessage(channel, user, user, name, text) { Username = username };
        return new Said((await chat.Services.GetRequiredService<InboundPipeline>().HandleAsync(message, CancellationToken.None)).Replies);
    }

    public static Task<string> CodeOfAsync(this ChatScript chat, string user) =>
        chat.DbAsync(db => db.Codes.Where(c => c.Member.Person.ExternalId == user && c.IsPrimary).Select(c => c.Value).SingleAsync());

    /// <summary>A purchase reported by the shop: with the buyer's reference (a member's), or a code and the customer it names.</summary>
    public static async Task<PurchaseOutcome> ShopReportsAsync(
        this ChatScript chat, string orderId, decimal amount = 50m, string? buyer = null, string? code = null, string? customer = null)
    {
        var reference = buyer is null ? null : await chat.DbAsync(db => db.Members.Where(m => m.Person.ExternalId == buyer).Select(m => m.Reference).FirstAsync());
        var (channel, user) = customer?.Split(':') is [var c, var u] ? (c, u) : ((string?)null, (string?)null);
        await using var scope = chat.Services.CreateAsyncScope();
        var report = new PurchaseReport(orderId, amount, "SGD", chat.Time.GetUtcNow().UtcDateTime, code, reference, channel, user, "webhook");
        return await scope.ServiceProvider.GetRequiredService<PurchaseIntake>().RecordAsync(report, CancellationToken.None);
    }

    public static async Task<int> ScanAsync(this ChatScript chat)
    {
        await using var scope = chat.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FraudScan>().ScanAsync(CancellationToken.None);
    }

    public static Task<List<ReviewCase>> CasesAsync(this ChatScript chat, string? rule = null) =>
        chat.DbAsync(db => db.Set<ReviewCase>().AsNoTracking().Where(c => rule == null || c.Rule == rule).OrderBy(c => c.Id).ToListAsync());
}
