using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Reports;

public sealed class LeaderboardScriptTests
{
    private static async Task<ChatScript> BoardAsync()
    {
        var chat = await ChatScript.StartAsync(new Dictionary<string, string?> { ["Bot:DefaultCurrency"] = "SGD" });
        foreach (var (user, code) in new[] { ("jane", "JANE20"), ("kim", "KIM10"), ("lee", "LEE15"), ("max", "MAX30") })
        {
            await chat.SendAsync(user, "/start", char.ToUpperInvariant(user[0]) + user[1..]);
            await chat.SendAsync("admin", $"/influencer glow-serum test:{user} {code}");
        }

        // Kim 3 purchases, Jane 2 (1,100.00), Lee 2 (50.00), Max 1 refunded: Kim, Jane, Lee, then Max with none.
        var orders = new[] { ("1", "KIM10", "10"), ("2", "KIM10", "10"), ("3", "KIM10", "10"), ("4", "JANE20", "1000"), ("5", "JANE20", "100"),
            ("6", "LEE15", "25"), ("7", "LEE15", "25"), ("8", "MAX30", "500") };
        foreach (var (order, code, amount) in orders) await chat.SendAsync("admin", $"/confirm {order} {code} {amount}");
        await chat.SendAsync("admin", "/refund 8");
        return chat;
    }

    [Fact]
    public async Task The_board_ranks_by_purchases_then_sales_and_tells_the_asker_their_rank()
    {
        await using var chat = await BoardAsync();

        var said = await chat.SendAsync("lee", "/leaderboard");

        Assert.Equal(
            "🏆 Glow Serum leaderboard\n" +
            "1. Kim (KIM10): 3 purchases, 30.00 SGD\n" +
            "2. Jane (JANE20): 2 purchases, 1,100.00 SGD\n" +
            "3. Lee (LEE15): 2 purchases, 50.00 SGD\n\n" +
            "You are 3rd of 4.",
            said.Text);
        Assert.Contains("<b>Lee (LEE15)</b>", said.Html);
    }

    [Fact]
    public async Task Hide_keeps_a_name_off_the_board_but_not_out_of_the_ranks_and_show_undoes_it()
    {
        await using var chat = await BoardAsync();

        var hide = await chat.SendAsync("kim", "/hide");
        var seenByLee = await chat.SendAsync("lee", "/leaderboard");
        var seenByKim = await chat.SendAsync("kim", "/leaderboard");
        await chat.SendAsync("kim", "/show");
        var back = await chat.SendAsync("lee", "/leaderboard");

        Assert.StartsWith("Done: your name stays off leaderboards.", hide.Text);
        Assert.DoesNotContain("Kim", seenByLee.Text);
        Assert.Contains("2. Jane (JANE20)", seenByLee.Text); // ranks keep counting Kim
        Assert.Contains("You are 3rd of 4.", seenByLee.Text);
        Assert.Contains("You are 1st of 4 (hidden from the board: /show puts your name back).", seenByKim.Text);
        Assert.Contains("1. Kim (KIM10)", back.Text);
    }

    [Fact]
    public async Task Someone_without_purchases_is_encouraged_and_an_empty_board_says_so()
    {
        await using var chat = await ChatScript.StartAsync();
        await chat.SendAsync("jane", "/start");

        var said = await chat.SendAsync("jane", "/leaderboard");

        Assert.Equal(
            "🏆 Glow Serum leaderboard\nNo purchases yet: the first one to bring a buyer tops the board!\n\n" +
            "You have no purchases yet, out of 1 member in this campaign. Share your code to climb!",
            said.Text);
    }

    [Fact]
    public async Task Ties_share_a_rank()
    {
        await using var chat = await ChatScript.StartAsync(new Dictionary<string, string?> { ["Bot:DefaultCurrency"] = "SGD" });
        foreach (var (user, code) in new[] { ("jane", "JANE20"), ("kim", "KIM10"), ("lee", "LEE15") })
        {
            await chat.SendAsync(user, "/start", char.ToUpperInvariant(user[0]) + user[1..]);
            await chat.SendAsync("admin", $"/influencer glow-serum test:{user} {code}");
        }

        await chat.SendAsync("admin", "/confirm 1 JANE20 10");
        await chat.SendAsync("admin", "/confirm 2 KIM10 10");
        var said = await chat.SendAsync("lee", "/leaderboard");

        Assert.Equal(
            "🏆 Glow Serum leaderboard\n1. Jane (JANE20): 1 purchase, 10.00 SGD\n1. Kim (KIM10): 1 purchase, 10.00 SGD\n\n" +
            "You have no purchases yet, out of 3 members in this campaign. Share your code to climb!",
            said.Text);
    }
}
