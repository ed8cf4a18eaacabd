using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReferralBot.Channels.BotFramework.Activities;
using ReferralBot.Channels.BotFramework.Auth;
using ReferralBot.Channels.BotFramework.Sending;
using ReferralBot.Channels.BotFramework.Setup;

namespace ReferralBot.Channels.BotFramework.Receiving;

/// <summary><c>POST /api/messages</c>: a channel delivers an activity; it is checked, queued and answered 202 at once.</summary>
public static class MessagesEndpoint
{
    public const string Path = "/api/messages";

    public static IEndpointRouteBuilder MapBotFrameworkMessages(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<ActivityInbox>() is null) return app;
        app.MapPost(Path, ReceiveAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpRequest request, ActivityInbox queue, InboundTokenValidator validator, TrustedServiceUrls trusted, IOptions<BotFrameworkOptions> options,
        CancellationToken cancellationToken)
    {
        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(request.Body, ActivityJson.Options, cancellationToken);
        }
        catch (JsonException ex)
        {
            return TypedResults.Problem($"The body is not an Activity: {ex.Message}", statusCode: StatusCodes.Status400BadRequest);
        }

        if (activity is not { Type: not null, ServiceUrl: not null, ChannelId: not null, Conversation.Id: not null, From.Id: not null })
            return TypedResults.Problem("An activity needs type, serviceUrl, channelId, conversation.id and from.id.", statusCode: StatusCodes.Status400BadRequest);
        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || serviceUrl.Scheme is not ("https" or "http"))
            return TypedResults.Problem("serviceUrl must be an absolute URL.", statusCode: StatusCodes.Status400BadRequest);

        if (options.Value.Authenticates)
        {
            var outcome = await validator.ValidateAsync(request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null, activity, cancellationToken);
            if (!outcome.Succeeded) return TypedResults.Problem(outcome.Problem, statusCode: outcome.Status, title: outcome.Status == 401 ? "Unauthorized" : "Forbidden");
        }

        trusted.Trust(activity.ServiceUrl);
        await queue.EnqueueAsync(activity, cancellationToken);
        return activity.Type == Activity.Types.Invoke ? TypedResults.Ok(new { status = 200 }) : TypedResults.Accepted((string?)null);
    }
}
