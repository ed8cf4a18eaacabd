using ReferralBot.Channels.Telegram.Concurrency;

namespace ReferralBot.Telegram.Tests.Concurrency;

public sealed class MailboxTests
{
    [Fact]
    public void Items_come_out_in_the_order_they_were_posted()
    {
        var mailbox = new Mailbox<int>(_ => Assert.Fail("nothing is orphaned while open"));

        Assert.True(mailbox.Post(1));
        Assert.True(mailbox.Post(2));

        Assert.True(mailbox.TryTake(out var first));
        Assert.True(mailbox.TryTake(out var second));
        Assert.False(mailbox.TryTake(out _));
        Assert.Equal((1, 2), (first, second));
    }

    [Fact]
    public void A_post_wakes_the_reader_and_a_rearmed_mailbox_sleeps_until_the_next()
    {
        var mailbox = new Mailbox<int>(_ => { });
        Assert.False(mailbox.Posted.IsCompleted);

        mailbox.Post(1);
        Assert.True(mailbox.Posted.IsCompleted);

        mailbox.Rearm();
        Assert.False(mailbox.Posted.IsCompleted);
        mailbox.Post(2);
        Assert.True(mailbox.Posted.IsCompleted);
    }

    [Fact]
    public void Rearming_before_anything_was_posted_keeps_the_same_wait()
    {
        var mailbox = new Mailbox<int>(_ => { });
        var waiting = mailbox.Posted;

        mailbox.Rearm();
        mailbox.Post(1);

        Assert.Same(waiting, mailbox.Posted);
        Assert.True(waiting.IsCompleted);
    }

    [Fact]
    public void A_closed_mailbox_wakes_its_reader_and_refuses_posts()
    {
        var orphaned = new List<int>();
        var mailbox = new Mailbox<int>(orphaned.Add);
        mailbox.Post(1);
        mailbox.Rearm();

        mailbox.Close();

        Assert.True(mailbox.Posted.IsCompleted);
        Assert.False(mailbox.Post(2));
        Assert.True(mailbox.TryTake(out var left));
        Assert.Equal(1, left);
        Assert.Empty(orphaned);
    }

    [Fact]
    public async Task Every_item_from_many_writers_is_taken_exactly_once_by_a_sleeping_reader()
    {
        const int writers = 8, each = 20_000;
        var mailbox = new Mailbox<int>(_ => Assert.Fail("nothing is orphaned while open"));
        var seen = new bool[writers * each];
        var taken = 0;

        var reader = Task.Run(async () =>
        {
            while (taken < seen.Length)
            {
                mailbox.Rearm();
                while (mailbox.TryTake(out var item))
                {
                    Assert.False(seen[item], $"item {item} was taken twice");
                    seen[item] = true;
                    taken++;
                }

                if (taken < seen.Length) await mailbox.Posted.WaitAsync(TimeSpan.FromSeconds(10));
            }
        });
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < each; i++) Assert.True(mailbox.Post(w * each + i));
        })));
        await reader.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.All(seen, Assert.True);
    }

    [Fact]
    public async Task Posts_racing_the_close_are_either_taken_by_the_reader_or_orphaned_never_lost()
    {
        for (var round = 0; round < 50; round++)
        {
            var orphaned = new System.Collections.Concurrent.ConcurrentBag<int>();
            var mailbox = new Mailbox<int>(orphaned.Add);
            var accepted = new System.Collections.Concurrent.ConcurrentBag<int>();
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
            {
                for (var i = 0; i < 2_000; i++)
                    if (mailbox.Post(w * 2_000 + i)) accepted.Add(w * 2_000 + i);
            })).ToList();

            await Task.Yield();
            mailbox.Close();
            var taken = new List<int>();
            while (mailbox.TryTake(out var item)) taken.Add(item);
            await Task.WhenAll(writers);
            Assert.False(mailbox.TryTake(out _), "an accepted item was left after the reader's last look");

            var settled = taken.Concat(orphaned).Order().ToList();
            Assert.Equal(accepted.Order().ToList(), settled);
        }
    }
}
