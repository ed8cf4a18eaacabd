using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReferralBot.FakeBotFramework;

namespace ReferralBot.BotFramework.Tests.Support;

/// <summary>A channel's side of a conversation with the bot: post activities with a token, read the replies the connector got.</summary>
public sealed class BotFrameworkChat(BotFrameworkBotFactory bot)
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    public FakeBotFrameworkChannel Channel => bot.Channel;

    public string ServiceUrl => Channel.BaseUrl.ToString().TrimEnd('/');

    public Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return bot.CreateClient().SendAsync(request);
    }

    /// <summary>A user says <paramref name="text"/> in their personal conversation; the replies to it come back.</summary>
    public async Task<IReadOnlyList<ConnectorCall>> SayAsync(string user, string text, string channelId = "webchat", TokenOptions? token = null)
    {
        var conversation = ConversationOf(user);
        var before = Channel.RepliesTo(conversation).Count;
        var activity = FakeBotFrameworkChannel.MessageActivity(text, user, char.ToUpperInvariant(user[0]) + user[1..], conversation, ServiceUrl, channelId);
        var response = await PostAsync(activity, Channel.CreateToken(token));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        // The answer was stored before the 202; once the outbox has settled it, every post of it has been made.
        var replyTo = (string)activity["id"]!;
        await bot.WaitForAnswerAsync(channelId, conversation, replyTo, Wait);
        return Channel.RepliesTo(conversation).Skip(before).Where(c => c.ReplyToId == replyTo).ToList();
    }

    public static string ConversationOf(string user) => $"a:conv-{user}";

    public static string Text(ConnectorCall call) => call.Activity.TryGetProperty("text", out var text) ? text.GetString() ?? "" : "";

    public static JsonElement[] Attachments(ConnectorCall call) =>
        call.Activity.TryGetProperty("attachments", out var a) ? a.EnumerateArray().ToArray() : [];
}
