using System.Net;
using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Outbound;
using ReferralBot.BotFramework.Tests.Support;
using ReferralBot.FakeBotFramework;

namespace ReferralBot.BotFramework.Tests.Auth;

public sealed class InboundAuthTests
{
    [Fact]
    public async Task A_valid_token_is_accepted_and_the_reply_carries_the_bots_own_bearer_token()
    {
        await using var channel = await FakeBotFrameworkChannel.StartAsync();
        using var bot = new BotFrameworkBotFactory(channel);
        var chat = new BotFrameworkChat(bot);

        var replies = await chat.SayAsync("alice", "/help");

        var reply = Assert.Single(replies);
        Assert.Equal(200, reply.Status);
        Assert.False(string.IsNullOrEmpty(reply.BearerToken));
        Assert.Contains("/claim CODE", BotFrameworkChat.Text(reply));
        Assert.Equal(1, channel.TokenRequests); // MSAL's cache: one token for every reply
    }

    public static TheoryData<string> Refusals => ["none", "wrong audience", "wrong issuer", "expired", "service url", "unknown key", "alg none", "garbage"];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_missing_or_bad_token_is_401_and_nothing_is_handled(string how)
    {
        await using var channel = await FakeBotFrameworkChannel.StartAsync();
        using var bot = new BotFrameworkBotFactory(channel);
        var chat = new BotFrameworkChat(bot);
        var token = how switch
        {
            "none" => null,
            "wrong audience" => channel.CreateToken(new TokenOptions { Audience = "someone-else" }),
            "wrong issuer" => channel.CreateToken(new TokenOptions { Issuer = "https://evil.example" }),
            "expired" => channel.CreateToken(new TokenOptions { Expires = DateTimeOffset.UtcNow.AddMinutes(-6) }),
            "service url" => channel.CreateToken(new TokenOptions { ServiceUrl = "https://other.example/" }),
            "unknown key" => channel.CreateToken(new TokenOptions { UseUnknownKey = true }),
            "alg none" => channel.CreateToken(new TokenOptions { AlgNone = true }),
            _ => "not.a.jwt",
        };

        var response = await chat.PostAsync(FakeBotFrameworkChannel.MessageActivity("/start", "alice", "Alice", "a:conv-alice", chat.ServiceUrl), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        // An accepted activity is handled, and its answer stored, before the response: none was.
        Assert.Equal(0, await bot.DbAsync(db => db.Set<OutboxMessage>().CountAsync()));
        Assert.Equal(0, await bot.DbAsync(db => db.People.CountAsync()));
        Assert.Empty(channel.Calls);
    }

    [Fact]
    public async Task A_token_expired_less_than_five_minutes_ago_is_still_accepted()
    {
        await using var channel = await FakeBotFrameworkChannel.StartAsync();
        using var bot = new BotFrameworkBotFactory(channel);
        var chat = new BotFrameworkChat(bot);

        var response = await chat.PostAsync(
            FakeBotFrameworkChannel.MessageActivity("/help", "alice", "Alice", "a:conv-alice", chat.ServiceUrl),
            channel.CreateToken(new TokenOptions { Expires = DateTimeOffset.UtcNow.AddMinutes(-4) }));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task A_key_not_endorsed_for_the_channel_is_403()
    {
        await using var channel = await FakeBotFrameworkChannel.StartAsync();
        using var bot = new BotFrameworkBotFactory(channel);
        var chat = new BotFrameworkChat(bot);

        var response = await chat.PostAsync(
            FakeBotFrameworkChannel.MessageActivity("/start", "alice", "Alice", "a:conv-alice", chat.ServiceUrl, channelId: "slack"),
            channel.CreateToken());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await bot.DbAsync(db => db.Set<OutboxMessage>().CountAsync()));
        Assert.Equal(0, await bot.DbAsync(db => db.People.CountAsync()));
        Assert.Empty(channel.Calls);
    }

    [Fact]
    public async Task A_key_published_after_the_metadata_was_cached_is_fetched_once_and_accepted()
    {
        await using var channel = await FakeBotFrameworkChannel.StartAsync();
        using var bot = new BotFrameworkBotFactory(channel);
        var chat = new BotFrameworkChat(bot);
        await chat.SayAsync("alice", "/help");
        var keysBefore = channel.KeysRequests;

        var rotated = channel.AddSigningKey("webchat");
        var response = await chat.PostAsync(
            FakeBotFrameworkChannel.MessageActivity("/help", "alice", "Alice", "a:conv-alice", chat.ServiceUrl),
            channel.CreateToken(new TokenOptions { KeyId = rotated }));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(channel.KeysRequests > keysBefore, "the keys were fetched again");
    }

    [Fact]
    public async Task Tokens_naming_unknown_keys_cannot_make_the_bot_fetch_the_keys_more_than_once_per_interval()
    {
        await using var channel = await FakeBotFrameworkChannel.StartAsync();
        using var bot = new BotFrameworkBotFactory(channel, new Dictionary<string, string?> { ["BotFramework:MetadataRefreshInterval"] = "01:00:00" });
        var chat = new BotFrameworkChat(bot);
        await chat.SayAsync("alice", "/help");
        var keysBefore = channel.KeysRequests;

        for (var i = 0; i < 5; i++)
        {
            var response = await chat.PostAsync(
                FakeBotFrameworkChannel.MessageActivity("/help", "alice", "Alice", "a:conv-alice", chat.ServiceUrl),
                channel.CreateToken(new TokenOptions { UseUnknownKey = true }));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Equal(keysBefore, channel.KeysRequests);
    }
}
