using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReferralBot.FakeBotFramework;

namespace ReferralBot.BotFramework.Tests.FakeChannel;

/// <summary>Plain HTTP calls to the fake channel, as a bot would make them, over a client that trusts only its certificate.</summary>
internal static class FakeChannelHttp
{
    public const string BotFrameworkScope = "https://api.botframework.com/.default";

    public static HttpClient Client(FakeBotFrameworkChannel channel) => new(channel.CreateTrustingHandler()) { BaseAddress = channel.BaseUrl };

    public static Task<HttpResponseMessage> RequestTokenAsync(HttpClient client, string clientId, string clientSecret, string scope = BotFrameworkScope) =>
        client.PostAsync("botframework.com/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
            ["scope"] = scope,
        }));

    public static async Task<string> TokenAsync(HttpClient client)
    {
        var options = new FakeChannelOptions();
        using var response = await RequestTokenAsync(client, options.AppId, options.AppPassword);
        response.EnsureSuccessStatusCode();
        return (await JsonAsync(response)).GetProperty("access_token").GetString()!;
    }

    /// <summary>A bot's reply: POST v3/conversations/{id}/activities[/{replyToId}], the id escaped as the Connector client escapes it.</summary>
    public static async Task<HttpResponseMessage> ReplyAsync(HttpClient client, string conversationId, string? replyToId, string text, string? bearer)
    {
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities"
            + (replyToId is null ? "" : "/" + Uri.EscapeDataString(replyToId));
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = JsonContent.Create(new JsonObject { ["type"] = "message", ["text"] = text, ["replyToId"] = replyToId }),
        };
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
