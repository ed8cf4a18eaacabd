using ReferralBot.Channels.Telegram.Sending;

namespace ReferralBot.Telegram.Tests.Sending;

public sealed class WirePacerTests
{
    private const double PerSecond = 30;
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Even = TimeSpan.FromMilliseconds(1010) / 30;

    [Fact]
    public void The_first_send_goes_at_once_and_the_next_ones_a_thirtieth_of_the_window_apart()
    {
        var pacer = new WirePacer();
        Assert.Equal((DateTimeOffset.MinValue, DateTimeOffset.MinValue), pacer.Next(PerSecond));

        pacer.Started(T0, DateTimeOffset.MinValue);
        Assert.Equal((T0 + Even, T0 + Even), pacer.Next(PerSecond));
    }

    [Fact]
    public void The_31st_send_goes_on_the_wire_a_second_and_the_margin_after_the_first_and_starts_its_longest_lead_before()
    {
        var pacer = new WirePacer();
        var wire = T0;
        for (var i = 0; i < 30; i++)
        {
            var next = pacer.Next(PerSecond)!.Value;
            wire = i == 0 ? T0 : next.Wire;
            pacer.Started(wire - TimeSpan.FromMilliseconds(8), wire);
            // Leads of 3 to 8 ms: the longest of the last thirty is what the next send starts early by.
            pacer.Wired(wire, TimeSpan.FromMilliseconds(3 + i % 6), PerSecond);
        }

        var (start, at) = pacer.Next(PerSecond)!.Value;

        Assert.Equal(T0 + TimeSpan.FromMilliseconds(1010), at);
        Assert.Equal(at - TimeSpan.FromMilliseconds(8), start);
    }

    [Fact]
    public void A_lead_counts_for_at_most_25_ms_and_a_send_without_one_teaches_nothing()
    {
        var pacer = new WirePacer();
        for (var i = 0; i < 30; i++)
        {
            pacer.Started(T0 + Even * i, T0 + Even * i);
            pacer.Wired(T0 + Even * i, i == 0 ? TimeSpan.FromMilliseconds(400) : null, PerSecond);
        }

        var (start, at) = pacer.Next(PerSecond)!.Value;

        Assert.Equal(TimeSpan.FromMilliseconds(25), at - start);
    }

    [Fact]
    public void While_thirty_sends_are_on_their_way_nothing_more_may_start_and_one_reaching_the_wire_makes_room()
    {
        var pacer = new WirePacer();
        for (var i = 0; i < 30; i++) pacer.Started(T0, DateTimeOffset.MinValue);

        Assert.Null(pacer.Next(PerSecond));

        pacer.Wired(T0 + TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(40), PerSecond);
        // Its window: a second and the margin after the one that reached the wire.
        Assert.Equal(T0 + TimeSpan.FromMilliseconds(1050), pacer.Next(PerSecond)!.Value.Wire);
    }

    [Fact]
    public void When_the_window_opens_just_after_the_last_send_the_next_keeps_half_the_even_spacing_from_it()
    {
        var pacer = new WirePacer();
        // Thirty sends, the last thirty milliseconds after the first: the first window was a burst.
        for (var i = 0; i < 30; i++)
        {
            pacer.Started(T0 + TimeSpan.FromMilliseconds(i), T0 + TimeSpan.FromMilliseconds(i));
            pacer.Wired(T0 + TimeSpan.FromMilliseconds(i), TimeSpan.Zero, PerSecond);
        }

        pacer.Started(T0 + TimeSpan.FromMilliseconds(1010), T0 + TimeSpan.FromMilliseconds(1010));
        pacer.Wired(T0 + TimeSpan.FromMilliseconds(1010), TimeSpan.Zero, PerSecond);

        // The window of the next opens at 1,011 ms, 1 ms after the last send: it goes half the even spacing after that.
        Assert.Equal(T0 + TimeSpan.FromMilliseconds(1010) + Even / 2, pacer.Next(PerSecond)!.Value.Wire);
    }
}
