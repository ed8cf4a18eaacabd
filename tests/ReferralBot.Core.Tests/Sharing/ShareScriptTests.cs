using ReferralBot.Core.Conversation;
using ReferralBot.Core.Tests.Nudges;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Sharing;

public sealed class ShareScriptTests
{
    [Fact]
    public async Task Share_gives_captions_in_the_influencers_voice_each_with_its_own_link_and_the_disclosure()
    {
        await using var chat = await NudgeScript.JaneAndBobAsync();
        await chat.SendAsync("admin", "/campaign set glow-serum offer 15% off your first serum");
        await chat.SendAsync("jane", "/voice My skin has never been this calm 🌿");

        var said = await chat.SendAsync("jane", "/share");

        Assert.Equal(
            "📣 Ready to paste, each with a link of its own (so you and the shop can see which works best):\n\n" +
            "Instagram caption\n" +
            "My skin has never been this calm 🌿\nUse my code JANE20 for 15% off your first serum 🛍 Link in bio: https://ref.example.sg/r/JANE20?s=ig\n" +
            "#ad: I earn a commission when you buy with my code\n#GlowSerum\n\n" +
            "TikTok caption\n" +
            "My skin has never been this calm 🌿 Code JANE20 = 15% off your first serum 🔗 in bio #ad: I earn a commission when you buy with my code #GlowSerum\n\n" +
            "WhatsApp status\n" +
            "My skin has never been this calm 🌿 15% off your first serum with my code JANE20 👉 https://ref.example.sg/r/JANE20?s=wa-status #ad: I earn a commission when you buy with my code\n\n" +
            "Each ends with “#ad: I earn a commission when you buy with my code”: Singapore’s advertising code asks you to say so when a post can earn you something.",
            said.Text);
        Assert.Equal(["📋 Instagram", "📋 TikTok", "📋 WhatsApp status"], said.Buttons.Select(b => b.Label));
        Assert.All(said.Buttons, b => Assert.Equal(ButtonKind.Copy, b.Kind));
        Assert.Contains("https://ref.example.sg/r/JANE20?s=ig", said.Buttons[0].Value);
    }

    [Fact]
    public async Task The_campaigns_disclosure_wording_replaces_the_built_in_one_and_captions_are_escaped()
    {
        await using var chat = await NudgeScript.JaneAndBobAsync();
        await chat.SendAsync("admin", "/campaign set glow-serum disclosure #sponsored · Glow pays me for sales");
        await chat.SendAsync("jane", "/voice <i>so</i> good & calm");

        var said = await chat.SendAsync("jane", "/share");

        Assert.Contains("<pre>&lt;i&gt;so&lt;/i&gt; good &amp; calm Code JANE20 ", said.Html);
        Assert.Contains("<i>so</i> good & calm Code JANE20 🔗 in bio #sponsored · Glow pays me for sales #GlowSerum", said.Text);
        Assert.Contains("<i>so</i> good & calm Code JANE20 🔗 in bio #sponsored · Glow pays me for sales #GlowSerum", said.Buttons[1].Value);
    }

    [Fact]
    public async Task A_customer_who_earns_nothing_shares_without_a_disclosure_in_their_referrers_voice()
    {
        await using var chat = await NudgeScript.JaneAndBobAsync();
        await chat.SendAsync("jane", "/voice Glow with me");

        var said = await chat.SendAsync("bob", "/share");

        Assert.DoesNotContain("#ad", said.Text);
        Assert.Contains("Glow with me Code BOB", said.Text);
    }

    [Fact]
    public async Task A_customer_who_earns_a_reward_discloses_it()
    {
        await using var chat = await NudgeScript.JaneAndBobAsync();
        await chat.SendAsync("admin", "/campaign set glow-serum referrer-reward 5");

        var code = await chat.SendAsync("bob", "/code");

        Assert.EndsWith(". #ad: I get a reward when you buy with my code", Assert.Single(code.Buttons, b => b.Kind == ButtonKind.Share).ShareText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_landing_pages_on_every_shared_link_opens_the_page()
    {
        await using var chat = await NudgeScript.JaneAndBobAsync();
        await chat.SendAsync("admin", "/campaign set glow-serum page on");

        var share = await chat.SendAsync("jane", "/share");
        var code = await chat.SendAsync("jane", "/code");

        Assert.Contains("https://ref.example.sg/p/JANE20?s=ig", share.Text);
        Assert.Equal("https://ref.example.sg/p/JANE20?s=tg", Assert.Single(code.Buttons, b => b.Kind == ButtonKind.Share).Value);
        Assert.Contains("https%3A%2F%2Fref.example.sg%2Fp%2FJANE20%3Fs%3Dwa", Assert.Single(code.Buttons, b => b.Kind == ButtonKind.Link).Value);
    }

    [Fact]
    public async Task Share_without_a_code_says_how_to_get_one()
    {
        await using var chat = await ChatScript.StartAsync();

        var said = await chat.SendAsync("zoe", "/share winter-sale");

        Assert.Contains("I don't know a campaign called “winter-sale”", said.Text);
    }
}
