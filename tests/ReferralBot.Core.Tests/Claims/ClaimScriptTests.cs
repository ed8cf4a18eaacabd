using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Claims;
using ReferralBot.Core.Members;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Claims;

public sealed class ClaimScriptTests
{
    [Fact]
    public async Task Start_with_a_code_claims_it_and_hands_out_the_friends_own_code()
    {
        await using var chat = await ChatScript.StartAsync();
        var jane = (await chat.SendAsync("jane", "/start")).Code;

        var said = await chat.SendAsync("bob", $"/start {jane}");

        Assert.Contains($"You joined Glow Serum with Jane's code {jane}", said.Text);
        Assert.Matches("^BOB[2-9]{2}$", said.Code);
        Assert.NotNull(said.Qr);
        var claim = await chat.DbAsync(db => db.Claims.SingleAsync());
        Assert.Equal(jane, claim.Code);
        Assert.Equal(ClaimVia.DeepLink, claim.Via);
    }

    [Fact]
    public async Task Claim_takes_the_code_in_any_case()
    {
        await using var chat = await ChatScript.StartAsync();
        var jane = (await chat.SendAsync("jane", "/start")).Code;

        var said = await chat.SendAsync("bob", $"/claim {jane.ToLowerInvariant()}");

        Assert.Contains($"Jane's code {jane}", said.Text);
        Assert.Equal(ClaimVia.Command, (await chat.DbAsync(db => db.Claims.SingleAsync())).Via);
    }

    [Fact]
    public async Task Claiming_your_own_code_is_refused()
    {
        await using var chat = await ChatScript.StartAsync();
        var jane = (await chat.SendAsync("jane", "/start")).Code;

        var said = await chat.SendAsync("jane", $"/claim {jane}");

        Assert.Contains("That's your own code", said.Text);
        Assert.Equal(0, await chat.CountAsync<Claim>());
    }

    [Fact]
    public async Task An_unknown_code_is_refused_without_a_suggestion_when_nothing_is_close()
    {
        await using var chat = await ChatScript.StartAsync();
        await chat.SendAsync("jane", "/start");

        var said = await chat.SendAsync("bob", "/claim ZZZZ99");

        Assert.Contains("I can't find the code ZZZZ99. Please check it", said.Text);
        Assert.DoesNotContain("Did you mean", said.Text);
        Assert.Equal(0, await chat.CountAsync<Claim>());
        Assert.Equal(1, await chat.CountAsync<Member>());
    }

    [Theory]
    [InlineData("JANE2O", "JANE20")]  // look-alike O for 0
    [InlineData("JAEN20", "JANE20")]  // swapped letters
    [InlineData("JANE2", "JANE20")]   // one missing
    [InlineData("JANEE20", "JANE20")] // one extra
    [InlineData("JANX20", "JANE20")]  // one wrong
    public async Task A_near_miss_of_an_existing_code_is_suggested(string typed, string existing)
    {
        await using var chat = await ChatScript.StartAsync();
        await chat.SendAsync("zed", "/start");
        await chat.DbAsync(async db =>
        {
            var member = await db.Members.SingleAsync();
            db.Codes.Add(new ReferralCode { Value = existing, MemberId = member.Id, CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        var said = await chat.SendAsync("bob", $"/claim {typed}");

        Assert.Contains($"Did you mean {existing}? Send /claim {existing} to use it.", said.Text);
        Assert.Equal(0, await chat.CountAsync<Claim>());
    }

    [Fact]
    public async Task A_typo_equally_close_to_two_codes_suggests_neither()
    {
        await using var chat = await ChatScript.StartAsync();
        await chat.SendAsync("zed", "/start");
        await chat.DbAsync(async db =>
        {
            var member = await db.Members.SingleAsync();
            db.Codes.AddRange(
                new ReferralCode { Value = "JANE22", MemberId = member.Id, CreatedAt = DateTime.UtcNow },
                new ReferralCode { Value = "JANE33", MemberId = member.Id, CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        var said = await chat.SendAsync("bob", "/claim JANE23");

        Assert.DoesNotContain("Did you mean", said.Text);
    }

    [Theory]
    [InlineData("/claim AB", "“AB” isn't a code")]
    [InlineData("/claim JANE-20", "“JANE-20” isn't a code")]
    [InlineData("/start <script>", "“<script>” isn't a code")]
    public async Task A_malformed_code_is_refused_with_the_expected_form(string line, string expected)
    {
        await using var chat = await ChatScript.StartAsync();

        var said = await chat.SendAsync("bob", line);

        Assert.Contains(expected, said.Text);
        Assert.Contains("4 to 20 letters and digits", said.Text);
        Assert.Equal(0, await chat.CountAsync<Member>());
    }

    [Fact]
    public async Task Claim_without_a_code_explains_how()
    {
        await using var chat = await ChatScript.StartAsync();

        var said = await chat.SendAsync("bob", "/claim");

        Assert.Contains("/claim JANE20", said.Text);
    }

    [Fact]
    public async Task A_second_claim_is_refused_and_the_first_referrer_stays()
    {
        await using var chat = await ChatScript.StartAsync();
        var jane = (await chat.SendAsync("jane", "/start")).Code;
        var mike = (await chat.SendAsync("mike", "/start")).Code;
        await chat.SendAsync("bob", $"/claim {jane}");

        var said = await chat.SendAsync("bob", $"/claim {mike}");

        Assert.Contains($"You already joined through Jane's code {jane}", said.Text);
        Assert.Contains("the first code you claim is the one that counts", said.Text);
        var claim = await chat.DbAsync(db => db.Claims.SingleAsync());
        Assert.Equal(jane, claim.Code);
    }

    [Fact]
    public async Task Claiming_the_same_code_again_says_you_are_already_in()
    {
        await using var chat = await ChatScript.StartAsync();
        var jane = (await chat.SendAsync("jane", "/start")).Code;
        await chat.SendAsync("bob", $"/start {jane}");

        var said = await chat.SendAsync("bob", $"/start {jane}");

        Assert.Contains("You already joined with Jane's code", said.Text);
        Assert.Equal(1, await chat.CountAsync<Claim>());
    }

    [Fact]
    public async Task A_member_who_joined_without_a_code_can_still_claim_one_once()
    {
        await using var chat = await ChatScript.StartAsync();
        var jane = (await chat.SendAsync("jane", "/start")).Code;
        var bobCode = (await chat.SendAsync("bob", "/start")).Code;

        var said = await chat.SendAsync("bob", $"/claim {jane}");

        Assert.Equal(bobCode, said.Code);
        Assert.Equal(1, await chat.CountAsync<Claim>());
    }

    [Fact]
    public async Task Referring_each_other_is_refused()
    {
        await using var chat = await ChatScript.StartAsync();
        var jane = (await chat.SendAsync("jane", "/start")).Code;
        var bob = (await chat.SendAsync("bob", $"/start {jane}")).Code;

        var said = await chat.SendAsync("jane", $"/claim {bob}");

        Assert.Contains("Bob joined through your code, so you can't join through theirs", said.Text);
        Assert.Equal(1, await chat.CountAsync<Claim>());
    }

    [Theory]
    [InlineData(CampaignState.Paused, "is paused")]
    [InlineData(CampaignState.Ended, "has ended")]
    public async Task A_campaign_that_is_not_active_refuses_claims(CampaignState state, string expected)
    {
        await using var chat = await ChatScript.StartAsync();
        var jane = (await chat.SendAsync("jane", "/start")).Code;
        await chat.DbAsync(async db =>
        {
            (await db.Campaigns.SingleAsync()).State = state;
            return await db.SaveChangesAsync();
        });

        var said = await chat.SendAsync("bob", $"/claim {jane}");

        Assert.Contains(expected, said.Text);
        Assert.Equal(0, await chat.CountAsync<Claim>());
        Assert.Equal(1, await chat.CountAsync<Member>());
    }

    [Fact]
    public async Task Simultaneous_claims_by_one_person_record_only_one()
    {
        await using var chat = await ChatScript.StartAsync();
        var codes = new List<string>();
        for (var i = 0; i < 6; i++) codes.Add((await chat.SendAsync($"friend{i}", "/start")).Code);

        var answers = await Task.WhenAll(codes.Select(code => chat.SendAsync("bob", $"/claim {code}")));

        Assert.Equal(1, await chat.CountAsync<Claim>());
        Assert.Single(answers, a => a.Text.Contains("You're in!", StringComparison.Ordinal));
        Assert.Equal(7, await chat.CountAsync<Member>());
    }
}
