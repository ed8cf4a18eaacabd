using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ReferralBot.FakeTelegram;

/// <summary>
/// A Telegram Bot API server on 127.0.0.1 for tests and benchmarks: real Bot API JSON over real HTTP, so the real
/// Telegram.Bot client talks to it. Tests put updates in, read what the bot sent, and ask for errors on demand.
/// </summary>
public sealed class FakeBotApi : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly FakeBotApiOptions options;
    private readonly CallLog log = new();
    private readonly FailurePlan failures = new();
    private readonly LimitGuard limits = new();
    private readonly UpdateQueue updates = new();
    private long nextMessageId = 1000;

    private FakeBotApi(WebApplication app, FakeBotApiOptions options)
    {
        this.app = app;
        this.options = options;
    }

    public string BaseUrl { get; private set; } = "";

    public string Token => options.Token;

    public string Username => options.Username;

    public int LimitViolations => limits.Violations;

    public IReadOnlyList<RecordedCall> Calls => log.Snapshot();

    public static async Task<FakeBotApi> StartAsync(FakeBotApiOptions? options = null)
    {
        options ??= new FakeBotApiOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, options.Port));
        builder.Logging.ClearProviders();
        var fake = new FakeBotApi(builder.Build(), options);
        fake.app.MapMethods("/bot{token}/{method}", ["GET", "POST"], fake.HandleAsync);
        await fake.app.StartAsync();
        fake.BaseUrl = fake.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return fake;
    }

    public IReadOnlyList<RecordedCall> CallsTo(string method) =>
        Calls.Where(c => string.Equals(c.Method, method, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>Sends to the chat that were accepted.</summary>
    public IReadOnlyList<RecordedCall> SentTo(long chatId) => Calls.Where(c => c.IsSend && c.Status == 200 && c.ChatId == chatId).ToList();

    public Task<IReadOnlyList<RecordedCall>> WaitForCallsAsync(string method, int count, TimeSpan timeout) =>
        log.WaitAsync(c => c.Status == 200 && string.Equals(c.Method, method, StringComparison.OrdinalIgnoreCase), count, timeout, method);

    public Task<IReadOnlyList<RecordedCall>> WaitForSendsToAsync(long chatId, int count, TimeSpan timeout) =>
        log.WaitAsync(c => c.IsSend && c.Status == 200 && c.ChatId == chatId, count, timeout, $"sends to {chatId}");

    public long SendText(long userId, string text, string firstName = "Test", string? lastName = null, string? username = null,
        string languageCode = "en", long? chatId = null, string chatType = "private", string? chatTitle = null) =>
        updates.Add(id => new JsonObject
        {
            ["update_id"] = id,
            ["message"] = BotApiJson.Message(Interlocked.Increment(ref nextMessageId), BotApiJson.User(userId, firstName, lastName, username, languageCode),
                BotApiJson.Chat(chatId ?? userId, chatType, chatTitle, firstName), Now(), text),
        });

    public long PressButton(long userId, string data, long? messageId = null, string firstName = "Test", long? chatId = null) =>
        updates.Add(id => new JsonObject
        {
            ["update_id"] = id,
            ["callback_query"] = new JsonObject
            {
                ["id"] = $"cbq-{id}",
                ["from"] = BotApiJson.User(userId, firstName, null, null, "en"),
                ["chat_instance"] = $"ci-{chatId ?? userId}",
                ["data"] = data,
                ["message"] = BotApiJson.Message(messageId ?? Interlocked.Increment(ref nextMessageId), BotUser(),
                    BotApiJson.Chat(chatId ?? userId, (chatId ?? userId) < 0 ? "group" : "private", null, firstName), Now(), "(the bot's message)"),
            },
        });

    public void Redeliver(long updateId) => updates.Redeliver(updateId);

    public string UpdateJson(long updateId) => updates.Json(updateId);

    public void FailNext(string method, int status, string description, int? retryAfter = null, long? chatId = null, int times = 1) =>
        failures.Add(method, status, description, retryAfter, chatId, times);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext http, string token, string method)
    {
        var (parameters, files) = await RequestParameters.ReadAsync(http.Request);
        var chatId = parameters.TryGetValue("chat_id", out var chat) && long.TryParse(chat, CultureInfo.InvariantCulture, out var id) ? id : (long?)null;
        var (status, body) = token != options.Token ? Error(401, "Unauthorized") : await AnswerAsync(method, parameters, chatId, http.RequestAborted);
        log.Add(new RecordedCall(Canonical(method), parameters, files, options.Time.GetUtcNow(), status, chatId));
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted);
    }

    private async Task<(int, JsonObject)> AnswerAsync(string method, Dictionary<string, string> parameters, long? chatId, CancellationToken aborted)
    {
        var name = Canonical(method);
        if (failures.Take(name, chatId) is { } failure) return Error(failure.Status, failure.Description, failure.RetryAfter);
        if (name is "sendMessage" or "sendPhoto" or "sendDocument")
        {
            if (options.MaxLatency > TimeSpan.Zero)
                await Task.Delay(options.MinLatency + (options.MaxLatency - options.MinLatency) * Random.Shared.NextDouble(), aborted);
            if (options.EnforceLimits && !limits.TryAccept(chatId ?? 0, options.Time.GetUtcNow())) return Error(429, "Too Many Requests: retry after 1", 1);
        }

        return name switch
        {
            "getMe" => Ok(BotUser(canJoinGroups: true)),
            "setMyCommands" or "deleteMyCommands" or "setWebhook" or "deleteWebhook" or "answerCallbackQuery" => Ok(true),
            "getWebhookInfo" => Ok(new JsonObject { ["url"] = "", ["has_custom_certificate"] = false, ["pending_update_count"] = 0 }),
            "getUpdates" => Ok(await updates.TakeAsync(Long(parameters, "offset"), (int)(Long(parameters, "limit") ?? 100),
                TimeSpan.FromSeconds(Math.Min(Long(parameters, "timeout") ?? 0, options.MaxLongPollSeconds)), aborted)),
            "sendMessage" => Ok(SentMessage(chatId, m => m["text"] = parameters.GetValueOrDefault("text"))),
            "sendPhoto" => Ok(SentMessage(chatId, m => m["photo"] = new JsonArray(new JsonObject
            {
                ["file_id"] = $"photo-{nextMessageId}", ["file_unique_id"] = $"u{nextMessageId}", ["width"] = 370, ["height"] = 370,
            }))),
            "sendDocument" => Ok(SentMessage(chatId, m => m["document"] = new JsonObject
            {
                ["file_id"] = $"doc-{nextMessageId}", ["file_unique_id"] = $"u{nextMessageId}",
            })),
            _ => Error(404, "Not Found"),
        };
    }

    private JsonObject SentMessage(long? chatId, Action<JsonObject> fill)
    {
        var chat = chatId ?? 0;
        var message = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref nextMessageId),
            ["from"] = BotUser(),
            ["chat"] = chat < 0 ? new JsonObject { ["id"] = chat, ["type"] = "group", ["title"] = "Group" } : new JsonObject { ["id"] = chat, ["type"] = "private", ["first_name"] = "Test" },
            ["date"] = Now(),
        };
        fill(message);
        return message;
    }

    private JsonObject BotUser(bool canJoinGroups = false)
    {
        var bot = new JsonObject { ["id"] = options.BotId, ["is_bot"] = true, ["first_name"] = options.FirstName, ["username"] = options.Username };
        if (canJoinGroups)
        {
            bot["can_join_groups"] = true;
            bot["can_read_all_group_messages"] = false;
            bot["supports_inline_queries"] = false;
        }

        return bot;
    }

    private long Now() => options.Time.GetUtcNow().ToUnixTimeSeconds();

    private static readonly string[] Methods =
    [
        "getMe", "setMyCommands", "deleteMyCommands", "setWebhook", "deleteWebhook", "getWebhookInfo", "getUpdates",
        "sendMessage", "sendPhoto", "sendDocument", "answerCallbackQuery",
    ];

    private static string Canonical(string method) =>
        Methods.FirstOrDefault(m => string.Equals(m, method, StringComparison.OrdinalIgnoreCase)) ?? method;

    private static long? Long(Dictionary<string, string> parameters, string name) =>
        parameters.TryGetValue(name, out var value) && long.TryParse(value, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static (int, JsonObject) Ok(JsonNode? result) => (200, new JsonObject { ["ok"] = true, ["result"] = result });

    private static (int, JsonObject) Error(int status, string description, int? retryAfter = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = status, ["description"] = description };
        if (retryAfter is { } seconds) body["parameters"] = new JsonObject { ["retry_after"] = seconds };
        return (status, body);
    }
}
