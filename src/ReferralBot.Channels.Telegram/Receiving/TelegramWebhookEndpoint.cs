using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReferralBot.Channels.Telegram.Setup;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace ReferralBot.Channels.Telegram.Receiving;

/// <summary>
/// Where Telegram posts updates in webhook mode. A request without the right secret header is refused and never
/// read; a failure while handling is logged and still answered 200, so Telegram does not redeliver it forever.
/// </summary>
public static partial class TelegramWebhookEndpoint
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>An update is a few KB (a message is at most 4,096 characters).</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<TelegramOptions>>().Value;
        if (!options.Enabled || !options.UsesWebhook) return app;

        // Resolved once, here: looking the contract up by type on every request contended on a lock under load. On a
        // copy of Telegram.Bot's options, made complete at once: its shared ones get their resolver only when the
        // client first serialises something, which never happens while the Bot API is unreachable.
        var updateJson = UpdateTypeInfo();
        app.MapPost(new Uri(options.WebhookUrl!).AbsolutePath,
                (HttpRequest request, TelegramUpdateHandler handler, IOptions<TelegramOptions> settings, ILoggerFactory loggers, CancellationToken cancellationToken) =>
                    ReceiveAsync(request, updateJson, handler, settings, loggers, cancellationToken))
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        return app;
    }

    internal static JsonTypeInfo<Update> UpdateTypeInfo()
    {
        var options = new JsonSerializerOptions(JsonBotAPI.Options);
        options.MakeReadOnly(populateMissingResolver: true);
        return (JsonTypeInfo<Update>)options.GetTypeInfo(typeof(Update));
    }

    private static async Task<IResult> ReceiveAsync(
        HttpRequest request, JsonTypeInfo<Update> updateJson, TelegramUpdateHandler handler, IOptions<TelegramOptions> options, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (!SecretMatches(request.Headers[SecretHeader].ToString(), options.Value.WebhookSecret!))
            return TypedResults.Problem("The secret token header is missing or wrong.", statusCode: StatusCodes.Status401Unauthorized);

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync(request.Body, updateJson, cancellationToken);
        }
        catch (JsonException)
        {
            return NotAnUpdate();
        }

        if (update is not { Id: > 0 }) return NotAnUpdate();
        try
        {
            await handler.HandleAsync(update, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(loggers.CreateLogger(typeof(TelegramWebhookEndpoint)), ex, update.Id);
        }

        return TypedResults.Ok();
    }

    private static ProblemHttpResult NotAnUpdate() =>
        TypedResults.Problem("The body is not a Telegram update: a JSON object with an update_id.", statusCode: StatusCodes.Status400BadRequest);

    private static bool SecretMatches(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    [LoggerMessage(LogLevel.Error, "Handling Telegram update {UpdateId} from the webhook failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, int updateId);
}
