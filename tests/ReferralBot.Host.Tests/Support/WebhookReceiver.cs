using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ReferralBot.Host.Tests.Support;

/// <summary>A shop's endpoint for the payout webhook, on 127.0.0.1: records each post and answers as told (200 unless queued otherwise).</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Channel<Received> arrivals = Channel.CreateUnbounded<Received>();

    private WebhookReceiver(WebApplication app) => this.app = app;

    public sealed record Received(string Event, string? Timestamp, string? Signature, string Body);

    /// <summary>The status codes the next posts get, in order.</summary>
    public ConcurrentQueue<int> Answers { get; } = new();

    public string Url { get; private set; } = "";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks/payouts", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            receiver.arrivals.Writer.TryWrite(new Received(
                request.Headers["X-ReferralBot-Event"].ToString(), request.Headers["X-ReferralBot-Timestamp"], request.Headers["X-ReferralBot-Signature"], body));
            return Results.StatusCode(receiver.Answers.TryDequeue(out var status) ? status : 200);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Url = address + "/hooks/payouts";
        return receiver;
    }

    /// <summary>The next post, as it arrives (signalled, not polled).</summary>
    public async Task<Received> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await arrivals.Reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
