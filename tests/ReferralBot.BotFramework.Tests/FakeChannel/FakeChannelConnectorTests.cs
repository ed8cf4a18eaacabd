using System.Net;
using ReferralBot.FakeBotFramework;

namespace ReferralBot.BotFramework.Tests.FakeChannel;

/// <summary>The fake's Connector: bearer checks, recorded replies, failures on demand and waiting for replies.</summary>
public sealed class FakeChannelConnectorTests
{
    // A Teams-like id: every character the Connector client has to escape in the path.
    private const string Conversation = "a:19@thread.skype;messageid=1700000000000";

    [Fact]
    public async Task A_reply_without_a_bearer_or_with_one_never_issued_is_a_401()
    {
        await using var channel = await FakeBotFrameworkChannel.StartAsync();
        using var client = FakeChannelHttp.Client(channel);

        using var missing = await FakeChannelHttp.ReplyAsync(client, Conversation, "act-1", "hi", bearer: null);
        using var unknown = await FakeChannelHttp.ReplyAsync(client, Conversation, "act-1", "hi", bearer: channel.CreateToken());

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (missing.StatusCode, unknown.StatusCode));
        Assert.Equal("Unauthorized", (await FakeChannelHttp.JsonAsync(unknown)).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal([401, 401], channel.Calls.Select(c => c.Status));
        Assert.Empty(channel.RepliesTo(Conversation));
    }

    [Fact]
    public async Task A_reply_with_an_issued_token_is_recorded_under_the_decoded_conversation_id()
    {
        await using var channel = await FakeBotFrameworkChannel.StartAsync();
        using var client = FakeChannelHttp.Client(channel);
        var token = await FakeChannelHttp.TokenAsync(client);

        using var reply = await FakeChannelHttp.ReplyAsync(client, Conversation, "act-1", "Your code is JANE42", token);
        using var send = await FakeChannelHttp.ReplyAsync(client, Conversation, replyToId: null, "A nudge", token);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (reply.StatusCode, send.StatusCode));
        var calls = channel.RepliesTo(Conversation);
        Assert.Equal(2, calls.Count);
        Assert.Equal(("act-1", "message", "Your code is JANE42", token), (calls[0].ReplyToId, calls[0].Type, calls[0].Text, calls[0].BearerToken));
        Assert.Equal((await FakeChannelHttp.JsonAsync(reply)).GetProperty("id").GetString(), calls[0].ActivityId);
        Assert.Equal((null, "A nudge"), (calls[1].ReplyToId, calls[1].Text));
    }

    [Fact]
    public async Task FailNext_429_answers_with_Retry_After_then_the_channel_recovers()
    {
        await using var channel = await FakeBotFrameworkChannel.StartAsync();
        using var client = FakeChannelHttp.Client(channel);
        var token = await FakeChannelHttp.TokenAsync(client);
        channel.FailNext(429, retryAfter: TimeSpan.FromSeconds(2));

        using var throttled = await FakeChannelHttp.ReplyAsync(client, Conversation, "act-1", "one", token);
        using var retried = await FakeChannelHttp.ReplyAsync(client, Conversation, "act-1", "one", token);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), throttled.Headers.RetryAfter?.Delta);
        Assert.Equal("TooManyRequests", (await FakeChannelHttp.JsonAsync(throttled)).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal([429, 200], channel.Calls.Select(c => c.Status));
        Assert.Single(channel.RepliesTo(Conversation));
    }

    [Fact]
    public async Task FailNext_several_times_fails_that_many_calls_without_a_Retry_After()
    {
        await using var channel = await FakeBotFrameworkChannel.StartAsync();
        using var client = FakeChannelHttp.Client(channel);
        var token = await FakeChannelHttp.TokenAsync(client);
        channel.FailNext(503, times: 2);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await FakeChannelHttp.ReplyAsync(client, Conversation, null, $"try {i}", token);
            Assert.Null(response.Headers.RetryAfter);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], statuses);
    }

    [Fact]
    public async Task WaitForRepliesAsync_completes_when_the_replies_arrive()
    {
        await using var channel = await FakeBotFrameworkChannel.StartAsync();
        using var client = FakeChannelHttp.Client(channel);
        var token = await FakeChannelHttp.TokenAsync(client);

        var waiting = channel.WaitForRepliesAsync(Conversation, 2, TimeSpan.FromSeconds(10));
        Assert.False(waiting.IsCompleted);
        using var first = await FakeChannelHttp.ReplyAsync(client, Conversation, "act-1", "one", token);
        using var other = await FakeChannelHttp.ReplyAsync(client, "a:someone-else", "act-2", "elsewhere", token);
        Assert.False(waiting.IsCompleted);
        using var second = await FakeChannelHttp.ReplyAsync(client, Conversation, "act-1", "two", token);

        Assert.Equal(["one", "two"], (await waiting).Select(c => c.Text));
    }

    [Fact]
    public async Task WaitForRepliesAsync_times_out_listing_what_arrived()
    {
        await using var channel = await FakeBotFrameworkChannel.StartAsync();
        using var client = FakeChannelHttp.Client(channel);
        var token = await FakeChannelHttp.TokenAsync(client);
        using var only = await FakeChannelHttp.ReplyAsync(client, Conversation, "act-1", "the only reply", token);

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => channel.WaitForRepliesAsync(Conversation, 2, TimeSpan.FromMilliseconds(200)));

        Assert.Contains("saw 1", timeout.Message, StringComparison.Ordinal);
        Assert.Contains("the only reply", timeout.Message, StringComparison.Ordinal);
    }
}
