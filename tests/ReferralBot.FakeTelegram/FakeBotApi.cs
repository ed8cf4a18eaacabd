using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace ReferralBot.FakeTelegram;

/// <summary>
/// A Telegram Bot API server on 127.0.0.1 for tests and benchmarks: real Bot API JSON over real HTTP, so the real
/// Telegram.Bot client talks to it. Tests put updates in, read what the bot sent, and ask for errors on demand.
/// </summary>
public sealed partial class FakeBotApi : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly FakeBotApiOptions options;
    private readonly BotState state;
    private readonly BotApiMethods methods;
    private readonly CallLog log = new();
    private readonly FailurePlan failures = new();
    private readonly FileMethods files;

    private FakeBotApi(WebApplication app, FakeBotApiOptions options)
    {
        this.app = app;
        this.options = options;
        state = new BotState(options);
        files = new FileMethods(state);
        methods = new BotApiMethods(state, failures, files);
    }

    /// <summary>Where the fake listens, e.g. http://127.0.0.1:40123 (no trailing slash): the client's base URL.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary><see cref="BaseUrl"/> and one for each of <see cref="FakeBotApiOptions.ExtraPorts"/>.</summary>
    public IReadOnlyList<string> BaseUrls { get; private set; } = [];

    public string Token => options.Token;

    public string Username => options.Username;

    public FakeBotApiOptions Options => options;

    /// <summary>Sends refused because they broke Telegram's limits (with <see cref="FakeBotApiOptions.EnforceLimits"/> on).</summary>
    public int LimitViolations => state.Limits.Violations;

    /// <summary>Updates injected and not yet confirmed by a getUpdates offset.</summary>
    public int PendingUpdates => state.Updates.PendingCount;

    /// <summary>Completes once a getUpdates call is waiting for updates.</summary>
    public Task PollWaitingAsync() => state.Updates.PollWaiting;

    /// <summary>Every call so far, failed ones too, in the order they were answered (a snapshot).</summary>
    public IReadOnlyList<RecordedCall> Calls => log.Snapshot();

    public static async Task<FakeBotApi> StartAsync(FakeBotApiOptions? options = null)
    {
        options ??= new FakeBotApiOptions();
        // The empty builder reads no appsettings.json nor environment: nothing from the test's folder can rebind it.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port);
            for (var i = 0; i < options.ExtraPorts; i++) k.Listen(IPAddress.Loopback, 0);
        });
        if (options.InlineScheduling) builder.Services.Configure<SocketTransportOptions>(o => o.UnsafePreferInlineScheduling = true);
        builder.Services.AddRoutingCore();
        var fake = new FakeBotApi(builder.Build(), options);
        fake.app.UseRouting();
        fake.app.MapMethods("/bot{token}/{method}", ["GET", "POST"], fake.HandleAsync);
        fake.app.MapGet("/file/bot{token}/{**path}", fake.DownloadAsync);
        try
        {
            await fake.app.StartAsync();
        }
        catch
        {
            await fake.app.DisposeAsync();
            throw;
        }

        var addresses = fake.app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        fake.BaseUrls = addresses.Select(a => a.TrimEnd('/')).ToList();
        fake.BaseUrl = fake.BaseUrls[0];
        return fake;
    }

    public IReadOnlyList<RecordedCall> CallsTo(string method)
    {
        var name = BotApiMethods.Canonical(method);
        return log.Where(c => c.Method == name);
    }

    /// <summary>The sends (sendMessage, sendPhoto, sendDocument) to the chat that were accepted.</summary>
    public IReadOnlyList<RecordedCall> SentTo(long chatId) => log.Where(c => c.IsSend && c.Succeeded && c.ChatId == chatId);

    /// <summary>Completes once <paramref name="count"/> calls of the method have succeeded; a TimeoutException lists every call seen.</summary>
    public Task<IReadOnlyList<RecordedCall>> WaitForCallsAsync(string method, int count, TimeSpan timeout)
    {
        var name = BotApiMethods.Canonical(method);
        return log.WaitAsync(c => c.Succeeded && c.Method == name, count, timeout, $"successful {name} calls");
    }

    /// <summary>Completes once <paramref name="count"/> sends came in on <paramref name="port"/> and were accepted (<see cref="RecordedCall.Via"/>).</summary>
    public Task<IReadOnlyList<RecordedCall>> WaitForSendsViaAsync(int port, int count, TimeSpan timeout) =>
        log.WaitAsync(c => c.IsSend && c.Succeeded && c.Via == port, count, timeout, $"successful sends through port {port}");

    public Task<IReadOnlyList<RecordedCall>> WaitForSendsToAsync(long chatId, int count, TimeSpan timeout) =>
        log.WaitAsync(c => c.IsSend && c.Succeeded && c.ChatId == chatId, count, timeout, $"successful sends to chat {chatId}");

    /// <summary>
    /// The next <paramref name="times"/> calls of the method (only those to <paramref name="chatId"/>, if given) fail
    /// with this status and description. A 429 always carries parameters.retry_after (1 unless given).
    /// </summary>
    public void FailNext(string method, int status, string description, int? retryAfter = null, long? chatId = null, int times = 1) =>
        failures.Add(method, status, description, retryAfter, chatId, times);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext http)
    {
        var at = options.ClockFromKernel ? KernelArrival.Of(http, options.Time.GetUtcNow()) : options.Time.GetUtcNow();
        var method = BotApiMethods.Canonical((string)http.Request.RouteValues["method"]!);
        var aborted = http.RequestAborted;
        // Stopping ends long polls and latency early, but they are still answered.
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(aborted, app.Lifetime.ApplicationStopping);
        try
        {
            var read = await RequestParameters.ReadAsync(http.Request, aborted);
            var call = new BotApiCall(method, read?.Parameters ?? [], read?.Files ?? [], at);
            var answer = (string?)http.Request.RouteValues["token"] != options.Token ? BotApiAnswer.Error(401, "Unauthorized")
                : read is null ? BotApiAnswer.BadRequest("can't parse JSON object")
                : await methods.AnswerAsync(call, ending.Token);
            // Recorded before answering: whoever awaits the client's call finds it in Calls.
            log.Add(call.Record(answer.Status) with { Via = http.Connection.LocalPort });
            if (BotApiMethods.IsSend(method)) await LatencyAsync(ending.Token);
            http.Response.StatusCode = answer.Status;
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(answer.Body.ToJsonString(BotApiJson.Writing), aborted);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException && aborted.IsCancellationRequested)
        {
            // The client gave up: nobody is listening for the answer.
        }
    }

    private async Task DownloadAsync(HttpContext http)
    {
        var bytes = (string?)http.Request.RouteValues["token"] == options.Token ? files.Download((string)http.Request.RouteValues["path"]!) : null;
        log.Add(new RecordedCall("download", new Dictionary<string, string> { ["path"] = (string)http.Request.RouteValues["path"]! }, new Dictionary<string, byte[]>(),
            options.Time.GetUtcNow(), bytes is null ? 404 : 200, null));
        if (bytes is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        http.Response.ContentType = "application/octet-stream";
        await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
    }

    private async Task LatencyAsync(CancellationToken cancellationToken)
    {
        var (min, max) = options.Latency;
        if (max <= TimeSpan.Zero) return;
        var delay = max > min ? min + (max - min) * Random.Shared.NextDouble() : max;
        try
        {
            await Task.Delay(delay, TimeProvider.System, cancellationToken);
        }
        catch (OperationCanceledException) when (app.Lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Stopping: answer now.
        }
    }
}
