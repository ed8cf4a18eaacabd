using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Conversation;

public sealed class HintScriptTests
{
    [Fact]
    public async Task Help_lists_the_commands_everyone_has()
    {
        await using var chat = await ChatScript.StartAsync();

        var said = await chat.SendAsync("jane", "/help");

        foreach (var command in new[] { "/start", "/code", "/claim CODE", "/stats", "/help" }) Assert.Contains(command, said.Text);
        Assert.DoesNotContain("admin", said.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Help_tells_an_admin_they_are_one()
    {
        await using var chat = await ChatScript.StartAsync();

        var said = await chat.SendAsync("admin", "/help");

        Assert.Contains("You are an admin of this bot", said.Text);
    }

    [Fact]
    public async Task An_unknown_command_gets_a_short_hint()
    {
        await using var chat = await ChatScript.StartAsync();

        var said = await chat.SendAsync("jane", "/frobnicate now");

        Assert.Equal("I don't know /frobnicate. /help lists what I can do.", said.Text);
    }

    [Theory]
    [InlineData("hello?")]
    [InlineData("what is this")]
    [InlineData("/ start")]
    public async Task Free_text_gets_a_short_hint(string text)
    {
        await using var chat = await ChatScript.StartAsync();

        var said = await chat.SendAsync("jane", text);

        Assert.Contains("/code for your code and link", said.Text);
    }

    [Fact]
    public async Task A_friends_code_sent_as_plain_text_is_pointed_to_claim()
    {
        await using var chat = await ChatScript.StartAsync();
        var jane = (await chat.SendAsync("jane", "/start")).Code;

        var said = await chat.SendAsync("bob", jane.ToLowerInvariant());

        Assert.Contains($"Send /claim {jane} to join with it.", said.Text);
        Assert.Equal(0, await chat.CountAsync<ReferralBot.Core.Claims.Claim>());
    }

    [Fact]
    public async Task A_command_addressed_with_the_bots_name_is_understood()
    {
        await using var chat = await ChatScript.StartAsync();

        var said = await chat.SendAsync("jane", "/help@GlowUpBot");

        Assert.Contains("/claim CODE", said.Text);
    }
}
