using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReferralBot.Channels.BotFramework.Activities;
using ReferralBot.Channels.BotFramework.Auth;
using ReferralBot.Channels.BotFramework.Sending;
using ReferralBot.Channels.BotFramework.Setup;

namespace ReferralBot.Channels.BotFramework.Receiving;

/// <summary>
/// <c>POST /api/messages</c>: a channel delivers an activity; it is checked, handled (its replies stored for the
/// outbox to send) and answered 202, or 200 for an invoke. Handling is a few milliseconds, far inside the 15 seconds a
/// channel waits; answering only after it means that a 202 is a promise kept across a crash.
/// </summary>
public static class MessagesEndpoint
{
    public const string Path = "/api/messages";

    /// <summary>Activities are a few KB; the channels cap what a user can send far below this.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapBotFrameworkMessages(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<ActivityHandler>() is null) return app;
        app.MapPost(Path, ReceiveAsync).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpRequest request, ActivityHandler handler, InboundTokenValidator validator, TrustedServiceUrls trusted, IOptions<BotFrameworkOptions> options,
        CancellationToken cancellationToken)
    {
        var authorization = request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null;
        if (options.Value.Authenticates && InboundTokenValidator.CheckHeader(authorization) is { } refused)
            return TypedResults.Problem(refused.Problem, statusCode: refused.Status, title: "Unauthorized");

        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(request.Body, ActivityJson.Options, cancellationToken);
        }
        catch (JsonException ex)
        {
            return TypedResults.Problem(ex.Path is { Length: > 2 } path
                    ? $"The body is not an activity: '{path[2..]}' has the wrong type."
                    : "The body is not an activity: a JSON object is required.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        if (activity is not { Type: not null, ServiceUrl: not null, ChannelId: not null, Conversation.Id: not null, From.Id: not null })
            return TypedResults.Problem("An activity needs type, serviceUrl, channelId, conversation.id and from.id.", statusCode: StatusCodes.Status400BadRequest);
        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || serviceUrl.Scheme is not ("https" or "http"))
            return TypedResults.Problem("serviceUrl must be an absolute URL.", statusCode: StatusCodes.Status400BadRequest);
        // Answers go out through the channel's outbox sender; a channel without one could never be answered.
        if (!options.Value.AnsweredChannels.Contains(activity.ChannelId, StringComparer.Ordinal))
            return TypedResults.Problem($"This bot does not answer on the channel '{activity.ChannelId}' (BotFramework:Channels).", statusCode: StatusCodes.Status400BadRequest);

        if (options.Value.Authenticates)
        {
            var outcome = await validator.ValidateAsync(authorization, activity, cancellationToken);
            if (!outcome.Succeeded) return TypedResults.Problem(outcome.Problem, statusCode: outcome.Status, title: outcome.Status == 401 ? "Unauthorized" : "Forbidden");
        }

        trusted.Trust(activity.ServiceUrl);
        await handler.HandleAsync(activity, cancellationToken);
        return activity.Type == Activity.Types.Invoke ? TypedResults.Ok(new { status = 200 }) : TypedResults.Accepted((string?)null);
    }
}
