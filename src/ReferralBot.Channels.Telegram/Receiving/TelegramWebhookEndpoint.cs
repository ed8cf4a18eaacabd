using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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

    // Resolved once: looking the contract up by type on every request contended on a lock under load.
    private static readonly JsonTypeInfo<Update> UpdateJson = (JsonTypeInfo<Update>)JsonBotAPI.Options.GetTypeInfo(typeof(Update));

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<TelegramOptions>>().Value;
        if (!options.Enabled || !options.UsesWebhook) return app;

        app.MapPost(new Uri(options.WebhookUrl!).AbsolutePath, ReceiveAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpRequest request, TelegramUpdateHandler handler, IOptions<TelegramOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!SecretMatches(request.Headers[SecretHeader].ToString(), options.Value.WebhookSecret!))
            return TypedResults.Problem("The secret token header is missing or wrong.", statusCode: StatusCodes.Status401Unauthorized);

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync(request.Body, UpdateJson, cancellationToken);
        }
        catch (JsonException ex)
        {
            return TypedResults.Problem($"The body is not a Telegram update: {ex.Message}", statusCode: StatusCodes.Status400BadRequest);
        }

        if (update is null) return TypedResults.Problem("The body is empty.", statusCode: StatusCodes.Status400BadRequest);
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

    private static bool SecretMatches(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    [LoggerMessage(LogLevel.Error, "Handling Telegram update {UpdateId} from the webhook failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, int updateId);
}
