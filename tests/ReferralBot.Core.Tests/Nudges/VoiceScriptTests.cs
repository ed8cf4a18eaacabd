using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Nudges;

public sealed class VoiceScriptTests
{
    [Fact]
    public async Task An_influencer_sets_a_voice_and_sees_how_a_followers_share_message_reads()
    {
        await using var chat = await NudgeScript.JaneAndBobAsync();

        var said = await chat.SendAsync("jane", "/voice   Glow up with me ✨\n20% off the serum I swear by");

        Assert.Equal(
            "✅ Your voice is set. A follower's share message will read:\n\nGlow up with me ✨ 20% off the serum I swear by Code JANE20. #ad: I earn a commission when you buy with my code\n\n" +
            "Their thank-you message quotes you too. Change it any time with /voice, or /voice off.",
            said.Text);
        Assert.Equal("Glow up with me ✨ 20% off the serum I swear by", await chat.DbAsync(db => db.Members.Where(m => m.Voice != null).Select(m => m.Voice).SingleAsync()));
    }

    [Fact]
    public async Task Followers_share_and_thank_you_messages_use_the_influencers_voice_escaped()
    {
        await using var chat = await NudgeScript.JaneAndBobAsync();
        await chat.SendAsync("jane", "/voice <b>Glow</b> & go");

        var code = await chat.SendAsync("bob", "/code");
        await chat.BuysAsync("1001", "bob");
        chat.Time.Advance(TimeSpan.FromMinutes(10));
        await chat.DispatchAsync();
        var thanks = chat.SaidTo("bob").Single();

        var bobCode = code.Code;
        Assert.Equal($"<b>Glow</b> & go Code {bobCode}.", code.Buttons.Single(b => b.Kind == ButtonKind.Share).ShareText);
        Assert.Contains("Jane says: “&lt;b&gt;Glow&lt;/b&gt; &amp; go”", thanks.Html);
        Assert.Equal($"<b>Glow</b> & go Code {bobCode}.", thanks.Buttons.Single(b => b.Kind == ButtonKind.Share).ShareText);
    }

    [Theory]
    [InlineData("/voice", "Set the words your followers share your offer with, up to 200 characters")]
    [InlineData("/voice off", "Your voice is removed")]
    public async Task Voice_without_text_explains_and_off_removes_it(string command, string expected)
    {
        await using var chat = await NudgeScript.JaneAndBobAsync();
        await chat.SendAsync("jane", "/voice Hello friends");

        var said = await chat.SendAsync("jane", command);

        Assert.Contains(expected, said.Text);
        var voice = await chat.DbAsync(db => db.Members.Where(m => m.Role == ReferralBot.Core.Members.MemberRole.Influencer).Select(m => m.Voice).SingleAsync());
        Assert.Equal(command == "/voice" ? "Hello friends" : null, voice);
    }

    [Fact]
    public async Task A_voice_too_long_or_from_someone_who_is_not_an_influencer_is_refused_and_changes_nothing()
    {
        await using var chat = await NudgeScript.JaneAndBobAsync();

        var tooLong = await chat.SendAsync("jane", "/voice " + new string('a', 201));
        var customer = await chat.SendAsync("bob", "/voice Buy it!");

        Assert.Equal("That's 201 characters; a voice can be at most 200. Nothing was changed.", tooLong.Text);
        Assert.StartsWith("/voice is for the campaign's influencers.", customer.Text);
        Assert.Equal(0, await chat.DbAsync(db => db.Members.CountAsync(m => m.Voice != null)));
    }
}
