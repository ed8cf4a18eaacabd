using ReferralBot.Channels.Telegram.Sending;
using ReferralBot.Core.Conversation;

namespace ReferralBot.Telegram.Tests.Sending;

public sealed class TelegramTextTests
{
    private static readonly ReplyButton Export = new("Export", ButtonKind.Command, "/export");

    [Fact]
    public void A_text_within_the_limit_goes_as_it_is()
    {
        var reply = new TextReply("📊 <b>Glow Serum</b>\n• ig: 12 clicks", [Export]);

        Assert.Same(reply, Assert.Single(TelegramText.Split(reply)));
    }

    [Fact]
    public void A_longer_text_goes_as_several_split_between_lines_with_the_buttons_on_the_last()
    {
        var lines = Enumerable.Range(1, 300).Select(i => $"• <b>Member {i}</b> (INF{i:D4}): 16,029 clicks → 130 sign-ups → 1,616 purchases (10.1%)").ToList();
        var reply = new TextReply(string.Join('\n', lines), [Export]);

        var parts = TelegramText.Split(reply);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.True(p.Html.Length <= TelegramText.MaxLength));
        Assert.Equal(reply.Html, string.Join('\n', parts.Select(p => p.Html)));
        Assert.All(parts.SkipLast(1), p => Assert.Empty(p.Buttons));
        Assert.Equal([Export], parts[^1].Buttons);
    }

    [Fact]
    public void A_blank_last_part_is_left_out_and_the_buttons_stay_on_the_last_part_sent()
    {
        var reply = new TextReply(new string('a', 4_000) + "\n" + new string(' ', 200), [Export]);

        var parts = TelegramText.Split(reply);

        Assert.Equal(new string('a', 4_000), Assert.Single(parts).Html);
        Assert.Equal([Export], parts[0].Buttons);
    }
}
