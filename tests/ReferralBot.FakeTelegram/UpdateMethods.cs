using System.Text.Json.Nodes;

namespace ReferralBot.FakeTelegram;

/// <summary>getUpdates and the webhook methods.</summary>
internal sealed class UpdateMethods(BotState state)
{
    public async Task<BotApiAnswer> GetUpdatesAsync(BotApiCall call, CancellationToken cancellationToken)
    {
        if (state.Webhook.IsSet)
            return BotApiAnswer.Error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");

        var wait = TimeSpan.FromSeconds(Math.Clamp(call.Long("timeout") ?? 0, 0, state.Options.MaxLongPollSeconds));
        var allowed = call.Json("allowed_updates") is JsonArray types ? types.Select(t => t?.ToString() ?? "").ToList() : null;
        var request = new UpdateRequest(call.Long("offset"), (int)Math.Clamp(call.Long("limit") ?? 100, 1, 100), wait, allowed);
        var updates = await state.Updates.TakeAsync(request, cancellationToken);
        return updates is null
            ? BotApiAnswer.Error(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running")
            : BotApiAnswer.Ok(updates);
    }

    public BotApiAnswer SetWebhook(BotApiCall call)
    {
        var url = call["url"] ?? "";
        if (url.Length > 0 && state.Options.Strict && WebhookProblem(url, call["secret_token"]) is { } problem) return BotApiAnswer.BadRequest(problem);
        if (call.Flag("drop_pending_updates")) state.Updates.Clear();
        state.Webhook.Set(url, (int?)call.Long("max_connections"), call.Json("allowed_updates"));
        return BotApiAnswer.Ok(true);
    }

    public BotApiAnswer DeleteWebhook(BotApiCall call)
    {
        if (call.Flag("drop_pending_updates")) state.Updates.Clear();
        state.Webhook.Delete();
        return BotApiAnswer.Ok(true);
    }

    public BotApiAnswer GetWebhookInfo(BotApiCall call) => BotApiAnswer.Ok(state.Webhook.Info(state.Updates.PendingCount));

    private static string? WebhookProblem(string url, string? secret)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != "https") return "bad webhook: An HTTPS URL must be provided for webhook";
        if (uri.Port is not (443 or 80 or 88 or 8443)) return "bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443";
        if (secret is not null && (secret.Length is 0 or > 256 || !secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
            return "secret token contains unallowed characters";
        return null;
    }
}
