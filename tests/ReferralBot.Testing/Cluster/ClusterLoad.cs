namespace ReferralBot.Testing.Cluster;

/// <summary>
/// The cluster scenario's size. <see cref="Full"/> is issue 20's (bench/); <see cref="Small"/> is the same shape in a
/// tenth of the time, for CI.
/// </summary>
/// <param name="People">New people who claim, spread over the influencers' codes.</param>
/// <param name="Influencers">Influencers, each with a vanity code.</param>
/// <param name="DuplicateEvery">One claim update in this many is delivered to both instances at once (Telegram retrying on another).</param>
/// <param name="Simultaneous">Of the people, these send two updates at the same moment, one to each instance (a double tap).</param>
/// <param name="Purchases">Signed purchases with an influencer's code and the buyer's chat identity.</param>
/// <param name="Replayed">Of those, the first ones are sent again through the other instance.</param>
/// <param name="Refunds">Of those, the first ones are refunded.</param>
/// <param name="Clicks">Link clicks, alternating instances.</param>
/// <param name="Visitors">Distinct visitors making those clicks (each always on the same code).</param>
/// <param name="Concurrency">Requests under way at once through the front.</param>
/// <param name="SendRate">The instances' <c>Telegram:MaxMessagesPerSecond</c>; the fake enforces 30.</param>
/// <param name="ChatGap">The instances' <c>Telegram:PrivateChatInterval</c>; the fake enforces 1 s.</param>
/// <remarks>
/// <see cref="Small"/> sends at 20 a second with 1.25 s between a chat's messages: the fake stamps each request as its
/// handler starts, and on a machine busy with other tests (CI) a stalled fake stamps a queue of them at once, which
/// looks like a burst. With that room, what is checked is what the cluster adds: two instances together never send
/// more than one sender may, and a new sender keeps the gaps its predecessor started.
/// </remarks>
public sealed record ClusterLoad(
    int People, int Influencers, int DuplicateEvery, int Simultaneous, int Purchases, int Replayed, int Refunds, int Clicks, int Visitors,
    int Concurrency, double SendRate, TimeSpan ChatGap)
{
    public static ClusterLoad Full { get; } = new(2000, 40, 10, 200, 500, 100, 50, 5000, 1000, 16, 30, TimeSpan.FromSeconds(1));

    public static ClusterLoad Small { get; } = new(40, 16, 10, 6, 10, 4, 2, 80, 20, 8, 20, TimeSpan.FromSeconds(1.25));
}
