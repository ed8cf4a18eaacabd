using System.Text.Json.Nodes;
using ReferralBot.FakeBotFramework;

namespace ReferralBot.BotFramework.Tests.FakeChannel;

/// <summary>The inbound activities the fake builds, in the Connector v3 shape.</summary>
public sealed class FakeChannelActivityTests
{
    [Fact]
    public void A_message_activity_has_the_v3_shape()
    {
        var activity = FakeBotFrameworkChannel.MessageActivity("/start", "alice", "Alice", "a:conv", "https://service.example", id: "act-1");

        Assert.Equal(("message", "act-1", "webchat", "https://service.example"), ((string?)activity["type"], (string?)activity["id"],
            (string?)activity["channelId"], (string?)activity["serviceUrl"]));
        Assert.Equal(("alice", "Alice"), ((string?)activity["from"]!["id"], (string?)activity["from"]!["name"]));
        Assert.Equal(("a:conv", false, "personal"), ((string?)activity["conversation"]!["id"], (bool?)activity["conversation"]!["isGroup"],
            (string?)activity["conversation"]!["conversationType"]));
        Assert.Equal(("bot", "ReferralBot"), ((string?)activity["recipient"]!["id"], (string?)activity["recipient"]!["name"]));
        Assert.Equal(("/start", "plain", "en-US"), ((string?)activity["text"], (string?)activity["textFormat"], (string?)activity["locale"]));
        Assert.True(DateTimeOffset.TryParse((string?)activity["timestamp"], out _));
    }

    [Fact]
    public void Conversation_updates_and_invokes_carry_their_own_fields()
    {
        var update = FakeBotFrameworkChannel.ConversationUpdateActivity("a:conv", "https://service.example", ["bot", "alice"]);
        var invoke = FakeBotFrameworkChannel.InvokeActivity("adaptiveCard/action", new JsonObject { ["verb"] = "stats" },
            "alice", "Alice", "a:conv", "https://service.example");

        Assert.Equal("conversationUpdate", (string?)update["type"]);
        Assert.Equal(["bot", "alice"], update["membersAdded"]!.AsArray().Select(m => (string?)m!["id"]));
        Assert.Equal("alice", (string?)update["from"]!["id"]);
        Assert.Equal(("invoke", "adaptiveCard/action", "stats"), ((string?)invoke["type"], (string?)invoke["name"], (string?)invoke["value"]!["verb"]));
    }
}
