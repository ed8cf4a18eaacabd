using System.Text.Json.Nodes;

namespace ReferralBot.FakeTelegram;

/// <summary>The webhook as setWebhook left it, for getWebhookInfo and for refusing getUpdates while one is set.</summary>
internal sealed class WebhookState
{
    private readonly Lock gate = new();
    private string url = "";
    private int? maxConnections;
    private JsonNode? allowedUpdates;

    public bool IsSet
    {
        get { lock (gate) return url.Length > 0; }
    }

    public void Set(string newUrl, int? newMaxConnections, JsonNode? newAllowedUpdates)
    {
        lock (gate) (url, maxConnections, allowedUpdates) = (newUrl, newMaxConnections, newAllowedUpdates?.DeepClone());
    }

    public void Delete() => Set("", null, null);

    public JsonObject Info(int pendingUpdates)
    {
        lock (gate)
        {
            var info = new JsonObject { ["url"] = url, ["has_custom_certificate"] = false, ["pending_update_count"] = pendingUpdates };
            if (url.Length == 0) return info;
            info["max_connections"] = maxConnections ?? 40;
            if (allowedUpdates is not null) info["allowed_updates"] = allowedUpdates.DeepClone();
            return info;
        }
    }
}
