using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ReferralBot.BotFramework.Tests.Support;
using ReferralBot.FakeBotFramework;

namespace ReferralBot.BotFramework.Tests.Flows;

public sealed partial class ClaimFlowTests
{
    [Fact]
    public async Task A_whole_claim_flow_works_in_web_chat_and_the_referrer_is_told_through_the_outbox()
    {
        await using var channel = await FakeBotFrameworkChannel.StartAsync();
        using var bot = new BotFrameworkBotFactory(channel);
        var chat = new BotFrameworkChat(bot);

        var jane = await chat.SayAsync("jane", "/start");
        var code = YourCode().Match(BotFrameworkChat.Text(jane[0])).Groups[1].Value;
        var bob = await chat.SayAsync("bob", $"/start {code}");
        var news = await channel.WaitForRepliesAsync(BotFrameworkChat.ConversationOf("jane"), 3, BotFrameworkChat.Wait);

        Assert.Matches("^Welcome to \\*\\*Glow Serum\\*\\*, Jane!", BotFrameworkChat.Text(jane[0]));
        Assert.Equal("markdown", jane[0].Activity.GetProperty("textFormat").GetString());
        var actions = jane[0].Activity.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray().ToList();
        Assert.Contains(actions, a => a.GetProperty("type").GetString() == "imBack" && a.GetProperty("value").GetString() == "/stats");
        var qr = Assert.Single(BotFrameworkChat.Attachments(jane[1]));
        Assert.Equal("image/png", qr.GetProperty("contentType").GetString());
        Assert.StartsWith("data:image/png;base64,iVBOR", qr.GetProperty("contentUrl").GetString());
        Assert.Contains("You're in!", BotFrameworkChat.Text(bob[0]));
        Assert.Contains($"**{code}**", BotFrameworkChat.Text(bob[0]));
        var notice = news[2];
        Assert.Null(notice.ReplyToId); // sent to the conversation on the bot's own initiative
        Assert.Contains("Bob just joined Glow Serum with your code", BotFrameworkChat.Text(notice));
    }

    [Fact]
    public async Task In_teams_the_mention_is_stripped_buttons_come_as_a_hero_card_and_the_qr_is_inline()
    {
        await using var channel = await FakeBotFrameworkChannel.StartAsync();
        using var bot = new BotFrameworkBotFactory(channel);
        var chat = new BotFrameworkChat(bot);
        var activity = FakeBotFrameworkChannel.MessageActivity("<at>ReferralBot</at> /start", "29:1jane", "Jane", "a:teams-jane", chat.ServiceUrl, channelId: "msteams");
        activity["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = "<at>ReferralBot</at>", ["mentioned"] = new JsonObject { ["id"] = "bot" } });

        var response = await chat.PostAsync(activity, channel.CreateToken());
        var replies = await channel.WaitForRepliesAsync("a:teams-jane", 2, BotFrameworkChat.Wait);

        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        Assert.StartsWith("Welcome to **Glow Serum**, Jane!", BotFrameworkChat.Text(replies[0]));
        var card = Assert.Single(BotFrameworkChat.Attachments(replies[0]));
        Assert.Equal("application/vnd.microsoft.card.hero", card.GetProperty("contentType").GetString());
        Assert.Contains(card.GetProperty("content").GetProperty("buttons").EnumerateArray(), b => b.GetProperty("value").GetString() == "/stats");
        Assert.False(replies[0].Activity.TryGetProperty("suggestedActions", out _));
    }

    [Fact]
    public async Task A_conversation_update_adding_someone_greets_them_and_a_card_button_invoke_runs_its_command()
    {
        await using var channel = await FakeBotFrameworkChannel.StartAsync();
        using var bot = new BotFrameworkBotFactory(channel);
        var chat = new BotFrameworkChat(bot);
        var update = FakeBotFrameworkChannel.MessageActivity("", "jane", "Jane", "a:conv-jane", chat.ServiceUrl);
        update["type"] = "conversationUpdate";
        update.Remove("text");
        update["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "jane", ["name"] = "Jane" }, new JsonObject { ["id"] = "bot", ["name"] = "ReferralBot" });

        await chat.PostAsync(update, channel.CreateToken());
        var welcome = await channel.WaitForRepliesAsync("a:conv-jane", 2, BotFrameworkChat.Wait);
        var invoke = FakeBotFrameworkChannel.MessageActivity("", "jane", "Jane", "a:conv-jane", chat.ServiceUrl);
        invoke["type"] = "invoke";
        invoke["value"] = new JsonObject { ["command"] = "/stats" };
        var invoked = await chat.PostAsync(invoke, channel.CreateToken());
        var stats = await channel.WaitForRepliesAsync("a:conv-jane", 3, BotFrameworkChat.Wait);

        Assert.StartsWith("Welcome to **Glow Serum**, Jane!", BotFrameworkChat.Text(welcome[0]));
        Assert.Equal(System.Net.HttpStatusCode.OK, invoked.StatusCode);
        Assert.Contains("0 clicks", BotFrameworkChat.Text(stats[2]));
    }

    [Fact]
    public async Task A_redelivered_activity_is_handled_once()
    {
        await using var channel = await FakeBotFrameworkChannel.StartAsync();
        using var bot = new BotFrameworkBotFactory(channel);
        var chat = new BotFrameworkChat(bot);
        var activity = FakeBotFrameworkChannel.MessageActivity("/help", "jane", "Jane", "a:conv-jane", chat.ServiceUrl, id: "act-1");

        await chat.PostAsync(activity, channel.CreateToken());
        await chat.PostAsync(activity, channel.CreateToken());
        await chat.SayAsync("jane", "/terms"); // a fence: handled after both

        Assert.Single(channel.RepliesTo("a:conv-jane"), c => c.ReplyToId == "act-1");
    }

    [Fact]
    public async Task On_a_channel_without_inline_images_the_qr_comes_as_its_public_link()
    {
        await using var channel = await FakeBotFrameworkChannel.StartAsync();
        var slackKey = channel.AddSigningKey("slack");
        using var bot = new BotFrameworkBotFactory(channel);
        var chat = new BotFrameworkChat(bot);

        var replies = await chat.SayAsync("jane", "/start", channelId: "slack", token: new TokenOptions { KeyId = slackKey });

        var code = YourCode().Match(BotFrameworkChat.Text(replies[0])).Groups[1].Value;
        var qr = Assert.Single(BotFrameworkChat.Attachments(replies[1]));
        Assert.Equal($"https://ref.example.sg/qr/{code}.png", qr.GetProperty("contentUrl").GetString());
    }

    [GeneratedRegex(@"Your code: \*\*([A-Z0-9]+)\*\*")]
    private static partial Regex YourCode();
}
