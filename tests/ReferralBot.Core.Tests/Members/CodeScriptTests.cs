using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Inbound;
using ReferralBot.Core.Links;
using ReferralBot.Core.Members;
using ReferralBot.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ReferralBot.Core.Tests.Members;

public sealed class CodeScriptTests
{
    [Fact]
    public async Task Start_gives_a_new_person_their_code_link_qr_and_share_button()
    {
        await using var chat = await ChatScript.StartAsync();

        var said = await chat.SendAsync("alex", "/start", "Alex Tan");

        Assert.Matches("^ALEX[2-9]{2}$", said.Code);
        Assert.Contains("Welcome to Glow Serum, Alex Tan!", said.Text);
        Assert.Contains($"Your link: https://ref.example.sg/r/{said.Code}", said.Text);
        Assert.NotNull(said.Qr);
        Assert.Equal($"https://ref.example.sg/r/{said.Code}?s=qr", said.Qr.EncodedText);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], said.Qr.Png[..4]);
        var share = Assert.Single(said.Buttons, b => b.Kind == ButtonKind.Share);
        Assert.Contains(said.Code, share.ShareText);
        Assert.Contains(said.Buttons, b => b is { Kind: ButtonKind.Command, Value: "/stats" });
    }

    [Fact]
    public async Task Start_again_welcomes_back_with_the_same_code()
    {
        await using var chat = await ChatScript.StartAsync();
        var first = await chat.SendAsync("alex", "/start");

        var again = await chat.SendAsync("alex", "/start");

        Assert.Contains("Welcome back", again.Text);
        Assert.Equal(first.Code, again.Code);
        Assert.Equal(1, await chat.CountAsync<Member>());
    }

    [Fact]
    public async Task Code_before_start_joins_the_default_campaign()
    {
        await using var chat = await ChatScript.StartAsync();

        var said = await chat.SendAsync("mei", "/code");

        Assert.Matches("^MEI[2-9]{2}$", said.Code);
        Assert.Equal((await chat.SendAsync("mei", "/code")).Code, said.Code);
    }

    [Fact]
    public async Task Code_shows_the_channels_deep_link_once_it_is_known()
    {
        var links = new TestChannelLinks();
        await using var chat = await ChatScript.StartAsync(services => services.AddSingleton<IChannelLinks>(links));
        var before = await chat.SendAsync("alex", "/code");
        Assert.DoesNotContain("chat.example", before.Text);

        links.Username = "GlowUpBot";
        var after = await chat.SendAsync("alex", "/code");

        Assert.Contains($"Test chat: https://chat.example/GlowUpBot?start={after.Code}", after.Text);
    }

    // Each share button's link says where it was shared, so the report by source shows where sharing works.
    [Fact]
    public async Task The_share_buttons_carry_links_tagged_with_where_they_are_shared()
    {
        await using var chat = await ChatScript.StartAsync();

        var said = await chat.SendAsync("alex", "/code");

        var link = $"https://ref.example.sg/r/{said.Code}";
        var text = $"I'm part of Glow Serum. Join with my code {said.Code}.";
        Assert.Equal($"https://wa.me/?text={Uri.EscapeDataString($"{text}\n{link}?s=wa")}", Assert.Single(said.Buttons, b => b.Label == "💬 WhatsApp").Value);
        var telegram = Assert.Single(said.Buttons, b => b.Kind == ButtonKind.Share);
        Assert.Equal(($"{link}?s=tg", text), (telegram.Value, telegram.ShareText));
        Assert.Equal($"{text} {link}?s=copy", Assert.Single(said.Buttons, b => b.Kind == ButtonKind.Copy).Value);
        Assert.Equal(said.Code, Assert.Single(said.Buttons, b => b.Kind == ButtonKind.ShareToChat).Value);
        Assert.Equal($"{link}?s=qr", said.Qr!.EncodedText);
    }

    [Fact]
    public async Task Code_for_an_unknown_campaign_says_so_and_joins_nothing()
    {
        await using var chat = await ChatScript.StartAsync();

        var said = await chat.SendAsync("alex", "/code winter-sale");

        Assert.Contains("I don't know a campaign called “winter-sale”", said.Text);
        Assert.Equal(0, await chat.CountAsync<Member>());
    }

    [Fact]
    public async Task The_get_qr_button_sends_the_qr_again()
    {
        await using var chat = await ChatScript.StartAsync();
        var start = await chat.SendAsync("alex", "/start");
        var button = Assert.Single(start.Buttons, b => b.Value.StartsWith("/qr", StringComparison.Ordinal));

        var said = await chat.SendAsync("alex", button.Value);

        Assert.Equal(start.Qr!.EncodedText, said.Qr!.EncodedText);
    }

    [Fact]
    public async Task Display_names_are_escaped_in_formatted_replies()
    {
        await using var chat = await ChatScript.StartAsync();

        var said = await chat.SendAsync("eve", "/start", "<b>Eve</b> & co");

        Assert.Contains("&lt;b&gt;Eve&lt;/b&gt; &amp; co", said.Html);
        Assert.Matches("^EVE[2-9]{2}$", said.Code);
    }

    [Fact]
    public async Task Start_while_no_campaign_is_running_says_so_and_joins_nothing()
    {
        await using var chat = await ChatScript.StartAsync();
        await chat.DbAsync(async db =>
        {
            (await db.Campaigns.SingleAsync()).State = CampaignState.Paused;
            return await db.SaveChangesAsync();
        });

        var said = await chat.SendAsync("alex", "/start");

        Assert.Contains("No campaign is running right now", said.Text);
        Assert.Equal(0, await chat.CountAsync<Member>());
    }

    [Fact]
    public async Task A_member_of_a_paused_campaign_still_gets_their_code()
    {
        await using var chat = await ChatScript.StartAsync();
        var code = (await chat.SendAsync("alex", "/start")).Code;
        await chat.DbAsync(async db =>
        {
            (await db.Campaigns.SingleAsync()).State = CampaignState.Paused;
            return await db.SaveChangesAsync();
        });

        Assert.Equal(code, (await chat.SendAsync("alex", "/code")).Code);
    }
}
