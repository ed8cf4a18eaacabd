using Microsoft.EntityFrameworkCore;
using System.Net;
using ReferralBot.BotFramework.Tests.Support;
using ReferralBot.FakeBotFramework;

namespace ReferralBot.BotFramework.Tests.Flows;

public sealed class SendingTests
{
    [Fact]
    public async Task A_429_from_the_connector_is_waited_out_and_a_5xx_retried_so_nothing_is_lost()
    {
        await using var channel = await FakeBotFrameworkChannel.StartAsync();
        using var bot = new BotFrameworkBotFactory(channel);
        var chat = new BotFrameworkChat(bot);
        channel.FailNext(429, times: 1, retryAfter: TimeSpan.FromSeconds(1));
        channel.FailNext(503, times: 1);

        var replies = await chat.SayAsync("alice", "/help");

        Assert.Contains("/claim CODE", BotFrameworkChat.Text(Assert.Single(replies)));
        var statuses = channel.Calls.Select(c => c.Status).ToList();
        Assert.Equal([429, 503, 200], statuses);
        var refused = channel.Calls[0].At;
        Assert.True(channel.Calls[1].At - refused >= TimeSpan.FromSeconds(0.9), "waited for Retry-After");
    }

    [Fact]
    public async Task Without_an_app_id_requests_are_not_authenticated_and_replies_carry_no_token()
    {
        await using var channel = await FakeBotFrameworkChannel.StartAsync();
        using var bot = new BotFrameworkBotFactory(channel, new Dictionary<string, string?>
        {
            ["BotFramework:AppId"] = "",
            ["BotFramework:AppPassword"] = "",
            ["BotFramework:Enabled"] = "true",
        });
        var chat = new BotFrameworkChat(bot);

        var activity = FakeBotFrameworkChannel.MessageActivity("/help", "alice", "Alice", "a:conv-alice", chat.ServiceUrl);
        var response = await chat.PostAsync(activity, token: null);
        var call = Assert.Single(await channel.WaitForCallsAsync(1, BotFrameworkChat.Wait));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Null(call.BearerToken); // the fake connector refuses it (401), as the real one would
        Assert.Equal(0, channel.TokenRequests);
    }

    [Fact]
    public async Task A_bad_activity_is_400_problem_json()
    {
        await using var channel = await FakeBotFrameworkChannel.StartAsync();
        using var bot = new BotFrameworkBotFactory(channel);
        var chat = new BotFrameworkChat(bot);
        var activity = FakeBotFrameworkChannel.MessageActivity("/help", "alice", "Alice", "a:conv-alice", chat.ServiceUrl);
        activity.Remove("serviceUrl");

        var response = await chat.PostAsync(activity, channel.CreateToken());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    // Answers go out through an outbox sender for the activity's channel; without one the answer could never be sent.
    [Fact]
    public async Task An_activity_from_a_channel_the_bot_does_not_answer_on_is_400_and_changes_nothing()
    {
        await using var channel = await FakeBotFrameworkChannel.StartAsync();
        using var bot = new BotFrameworkBotFactory(channel, new Dictionary<string, string?> { ["BotFramework:Channels:0"] = "webchat" });
        var chat = new BotFrameworkChat(bot);
        var activity = FakeBotFrameworkChannel.MessageActivity("/start", "alice", "Alice", "a:conv-alice", chat.ServiceUrl, channelId: "skype");

        var response = await chat.PostAsync(activity, channel.CreateToken());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("skype", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await bot.DbAsync(db => db.People.CountAsync()));
    }
}
