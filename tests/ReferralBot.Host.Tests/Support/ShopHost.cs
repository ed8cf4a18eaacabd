using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReferralBot.Core.Purchases;
using ReferralBot.Core.Rewards;
using ReferralBot.Core.Storage;
using ReferralBot.Host.Purchases;

namespace ReferralBot.Host.Tests.Support;

/// <summary>
/// The service as a shop sees it: on its own SQLite file (or PostgreSQL database), on a fake clock, with the webhook secret set and
/// <c>test:owner</c> as admin. Posts are signed like a shop signs them, unless a test says otherwise.
/// </summary>
public sealed class ShopHost : IDisposable
{
    public const string Secret = "shh-test-secret";

    public ShopHost(IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? services = null, string? store = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Webhooks:PurchaseSecret"] = Secret,
            ["Bot:Admins:0"] = "test:owner",
            ["Bot:DefaultCurrency"] = "SGD",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;
        Factory = new ReferralBotFactory(settings, store: store) { ConfigureTestServices = s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            services?.Invoke(s);
        } };
        Client = Factory.CreateClient();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    public ReferralBotFactory Factory { get; }

    public HttpClient Client { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    public Task<string> SayAsync(string user, string text) => Factory.SayAsync(user, text);

    /// <summary>Makes <paramref name="user"/> an influencer of glow-serum with <paramref name="code"/>.</summary>
    public async Task InfluencerAsync(string user, string code, string? flatFee = null)
    {
        await SayAsync(user, "/start");
        var reply = await SayAsync("owner", $"/influencer glow-serum test:{user} {code} {flatFee}".TrimEnd());
        Assert.Contains(code, reply);
    }

    public async Task<string> ReferenceOfAsync(string user)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
        return await db.Members.Where(m => m.Person.ExternalId == user).Select(m => m.Reference).SingleAsync();
    }

    public static object Purchase(string orderId, decimal amount, DateTimeOffset occurredAt, string? code = null, string? reference = null, string currency = "SGD") =>
        new { orderId, amount, currency, occurredAt, code, reference };

    public Task<HttpResponseMessage> PostPurchaseAsync(object body) => PostSignedAsync("/api/purchases", JsonSerializer.Serialize(body));

    public Task<HttpResponseMessage> PostRefundAsync(string orderId) => PostSignedAsync("/api/refunds", JsonSerializer.Serialize(new { orderId }));

    public async Task<JsonObject> PurchaseAsync(object body)
    {
        var response = await PostPurchaseAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public Task<HttpResponseMessage> PostSignedAsync(string path, string json, long? timestamp = null, string secret = Secret)
    {
        var stamp = (timestamp ?? Now.ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        var signature = "sha256=" + WebhookSignature.Sign(secret, stamp, Encoding.UTF8.GetBytes(json));
        return PostAsync(path, json, stamp, signature);
    }

    public Task<HttpResponseMessage> PostAsync(string path, string json, string? timestamp, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (timestamp is not null) request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        if (signature is not null) request.Headers.Add(WebhookSignature.SignatureHeader, signature);
        return Client.SendAsync(request);
    }

    public async Task<(int Purchases, int Refunds, int Entries, decimal Net)> CountsAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
        var amounts = await db.Set<LedgerEntry>().Select(e => e.Amount).ToListAsync();
        return (await db.Set<Purchase>().CountAsync(), await db.Set<Refund>().CountAsync(), amounts.Count, amounts.Sum());
    }

    public async Task<List<LedgerEntry>> LedgerAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>().Set<LedgerEntry>().AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
    }
}
