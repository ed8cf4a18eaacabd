using MathNet.Numerics.Distributions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Administration;
using ReferralBot.Core.Clicks;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Experiments;
using ReferralBot.Core.Inbound;
using ReferralBot.Core.Nudges;
using ReferralBot.Core.Pages;
using ReferralBot.Core.Rewards;
using ReferralBot.Core.Tests.Nudges;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Experiments;

/// <summary>Experiments started, met, credited, read and stopped, in chat.</summary>
public sealed class ExperimentRunScriptTests
{
    private const string Ten = "10% off your first order";
    private const string Fifteen = "15% off your first order";

    [Fact]
    public async Task A_scripted_discount_experiment_reads_as_computed_by_hand_and_its_winner_takes_the_offer_along()
    {
        await using var chat = await DiscountExperimentAsync();
        var (control, fifteen) = await SharerPerVariantAsync(chat, "discount-test");

        // Known outcomes: 40 sign-ups each; 10 of the control's followers buy, 22 of the 15%'s; 4 and 6 visitors click.
        await VisitorsAsync(chat, await CodeOfAsync(chat, control), 4);
        await VisitorsAsync(chat, await CodeOfAsync(chat, fifteen), 6);
        await FollowersAsync(chat, control, "c", 40, buyers: 10);
        await FollowersAsync(chat, fifteen, "f", 40, buyers: 22);

        var said = await chat.SendAsync("admin", "/experiment show discount-test");

        // Everyone who has met it is exposed: the two sharers, and each follower as the sharer their own code makes them.
        var exposed = await ExposedAsync(chat, "discount-test");
        Assert.Equal(82, exposed.Sum());
        Assert.Contains($"• control: {exposed[0]} sharers, 4 clicks → 40 sign-ups → 10 purchases; purchases per sign-up 25%;", said.Text);
        Assert.Contains($"• fifteen: {exposed[1]} sharers, 6 clicks → 40 sign-ups → 22 purchases; purchases per sign-up 55%;", said.Text);
        // By hand: the Beta(1 + 22, 1 + 18) posterior beats Beta(1 + 10, 1 + 30) with this probability; the pooled z-test's p.
        var best = ProbabilityBetter(22, 18, 10, 30);
        var pooled = 32.0 / 80;
        var z = (22.0 / 40 - 10.0 / 40) / Math.Sqrt(pooled * (1 - pooled) * (2.0 / 40));
        var p = 2 * (1 - Normal.CDF(0, 1, z));
        var verdict = System.Text.RegularExpressions.Regex.Match(said.Text, @"15% wins: (?<best>[\d.]+)% likely better than 10% on purchases per sign-up \(p = (?<p>[\d.]+)\)");
        Assert.True(verdict.Success, said.Text);
        Assert.InRange(double.Parse(verdict.Groups["best"].Value, System.Globalization.CultureInfo.InvariantCulture), best * 100 - 0.5, best * 100 + 0.5);
        Assert.Equal(Math.Round(p, 3), double.Parse(verdict.Groups["p"].Value, System.Globalization.CultureInfo.InvariantCulture), 3);
        Assert.Contains("/experiment stop discount-test fifteen", said.Text);
        // The checkout discount as a cost: 15% off a 40.00 SGD order paid is 7.06 SGD, 10% is 4.44 SGD.
        Assert.Contains("cost per purchase 4.44 SGD", said.Text);
        Assert.Contains("cost per purchase 7.06 SGD", said.Text);
        var chart = Assert.IsType<ImageReply>(said.Replies[^1]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], chart.Png[..4]);

        var results = await chat.DbAsync(async db =>
        {
            var experiment = await db.Set<Experiment>().Include(e => e.Variants).SingleAsync(e => e.Name == "discount-test");
            return await new ExperimentResultsQuery(db).ForAsync(experiment, CancellationToken.None);
        });
        Assert.Equal([400m, 880m], results.Variants.Select(v => v.Revenue));
        Assert.Equal([Math.Round(400m / exposed[0], 2), Math.Round(880m / exposed[1], 2)], results.Variants.Select(v => v.RevenuePerExposed!.Value));

        await chat.SendAsync("admin", "/experiment stop discount-test fifteen");
        var campaign = await chat.DbAsync(db => db.Campaigns.SingleAsync(c => c.Slug == "glow-serum"));
        Assert.Equal(("15%", Fifteen), (campaign.Discount, campaign.Offer));
    }

    [Fact]
    public async Task Too_few_trials_say_so_rather_than_name_a_winner_in_the_experiment_and_the_report()
    {
        await using var chat = await DiscountExperimentAsync();
        var (control, fifteen) = await SharerPerVariantAsync(chat, "discount-test");
        await FollowersAsync(chat, control, "c", 5, buyers: 1);
        await FollowersAsync(chat, fifteen, "f", 5, buyers: 4);

        var said = await chat.SendAsync("admin", "/experiment show discount-test");

        Assert.Contains("Too early to tell: each variant needs 30 sign-ups at least before a leader means anything.", said.Text);
        Assert.DoesNotContain("wins", said.Text);
        // And so says the campaign's report.
        var report = await chat.SendAsync("admin", "/report glow-serum");
        Assert.Contains("🧪 Experiments\n• discount-test (discount, running): Too early to tell: each variant needs 30 sign-ups", report.Text);
    }

    [Fact]
    public async Task A_sharer_keeps_their_variant_across_restarts_and_channels_and_their_followers_see_it_everywhere()
    {
        await using var first = await DiscountExperimentAsync();
        await first.SendAsync("admin", "/campaign set glow-serum page on");
        var (_, fifteen) = await SharerPerVariantAsync(first, "discount-test");
        var code = await CodeOfAsync(first, fifteen);

        await using var chat = await first.RestartAsync();
        Assert.Contains(Fifteen, (await chat.SendAsync(fifteen, "/share")).Text);
        await using (var scope = chat.Services.CreateAsyncScope())
        {
            var page = await scope.ServiceProvider.GetRequiredService<LandingPages>().ShowAsync(code, null, "v1", "Mozilla/5.0", count: false, "en", CancellationToken.None);
            Assert.Contains(Fifteen, Assert.IsType<PageAnswer.Page>(page).Html);
        }

        // A follower in another channel is offered what the sharer's variant offers.
        var elsewhere = new InboundMessage("other", "zed", "zed", "Zed", $"/start {code}");
        var reply = await chat.Services.GetRequiredService<InboundPipeline>().HandleAsync(elsewhere, CancellationToken.None);
        Assert.Contains(Fifteen, new Said(reply.Replies).Text);

        var exposures = await chat.DbAsync(db => db.Set<ExperimentExposure>().Where(x => x.PersonId == db.People.Single(p => p.ExternalId == fifteen).Id).ToListAsync());
        var variant = await chat.DbAsync(db => db.Set<ExperimentVariant>().SingleAsync(v => v.Label == "fifteen"));
        Assert.Equal(variant.Id, Assert.Single(exposures).VariantId);

        // /mydata names it.
        var file = Assert.Single((await chat.SendAsync(fifteen, "/mydata")).Replies.OfType<DocumentReply>());
        using var document = System.Text.Json.JsonDocument.Parse(file.Content);
        var experiment = Assert.Single(document.RootElement.GetProperty("experiments").EnumerateArray());
        Assert.Equal(("discount-test", "fifteen", "15%"), (experiment.GetProperty("experiment").GetString(), experiment.GetProperty("variant").GetString(), experiment.GetProperty("shown").GetString()));
    }

    [Fact]
    public async Task Stopping_with_a_winner_sets_the_campaign_and_audits_it_and_earlier_followers_keep_their_terms()
    {
        await using var chat = await RewardExperimentAsync("");
        var (_, eight) = await SharerPerVariantAsync(chat, "reward-test");
        var code = await CodeOfAsync(chat, eight);
        await chat.SendAsync("early", $"/start {code}", "Early");

        var said = await chat.SendAsync("admin", "/experiment stop reward-test control");

        Assert.Contains("reward-test, stopped (winner: control)", said.Text);
        Assert.Equal(5m, await chat.DbAsync(db => db.Campaigns.Where(c => c.Slug == "glow-serum").Select(c => c.ReferrerReward).SingleAsync()));
        var actions = await chat.DbAsync(db => db.Set<AuditEntry>().OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["experiment.stop reward-test", "campaign.set referrer-reward"], actions[^2..]);

        // Claimed under the variant, bought after the stop inside the window: the variant's reward.
        chat.Time.Advance(TimeSpan.FromDays(2));
        await chat.SendAsync("late", $"/start {code}", "Late");
        await chat.BuysAsync("E-1", "early");
        await chat.BuysAsync("L-1", "late");
        var rewards = await chat.DbAsync(db => db.Set<LedgerEntry>().Where(e => e.Kind == LedgerKind.ReferrerReward)
            .Select(e => new { e.Purchase!.OrderId, e.Amount }).ToListAsync());
        Assert.Equal(8m, rewards.Single(r => r.OrderId == "E-1").Amount);
        Assert.Equal(5m, rewards.Single(r => r.OrderId == "L-1").Amount);

        // Its figures end at the stop, but for the friend who signed up under it and bought later.
        var results = await chat.DbAsync(async db =>
            await new ExperimentResultsQuery(db).ForAsync(await db.Set<Experiment>().Include(e => e.Variants).SingleAsync(e => e.Name == "reward-test"), CancellationToken.None));
        var variant = results.Variants.Single(v => v.Variant.Label == "eight");
        Assert.Equal((1, 1, 80m), (variant.SignUps, variant.Purchases, variant.Revenue));
    }

    [Fact]
    public async Task A_sharer_in_the_variant_earns_its_reward_while_it_runs()
    {
        await using var chat = await RewardExperimentAsync(" split 50/50");
        var (control, eight) = await SharerPerVariantAsync(chat, "reward-test");
        await chat.SendAsync("amy", $"/start {await CodeOfAsync(chat, control)}", "Amy");
        await chat.SendAsync("ben", $"/start {await CodeOfAsync(chat, eight)}", "Ben");

        await chat.BuysAsync("A-1", "amy");
        await chat.BuysAsync("B-1", "ben");

        var rewards = await chat.DbAsync(db => db.Set<LedgerEntry>().Where(e => e.Kind == LedgerKind.ReferrerReward)
            .OrderBy(e => e.Purchase!.OrderId).Select(e => e.Amount).ToListAsync());
        Assert.Equal([5m, 8m], rewards);
    }

    [Fact]
    public async Task A_buyers_share_again_delay_and_thank_you_are_their_variants()
    {
        await using var chat = await NudgeScript.JaneAndBobAsync();
        await chat.SendAsync("admin", "/experiment new glow-serum delay-test share-again-delay");
        await chat.SendAsync("admin", "/experiment variant delay-test week 7d");
        await chat.SendAsync("admin", "/experiment new glow-serum thanks-test nudge-thank-you");
        await chat.SendAsync("admin", "/experiment variant thanks-test warm Thank you, {{ name }}! Your code is {{ code }}.");
        // Every later buyer lands in a variant; Bob's is fixed by the hash.
        await chat.SendAsync("admin", "/experiment start delay-test 1/100");
        await chat.SendAsync("admin", "/experiment start thanks-test 1/100");
        var bob = await chat.DbAsync(db => db.People.SingleAsync(p => p.ExternalId == "bob"));
        var (delay, thanks) = await chat.DbAsync(async db => (
            ExperimentTerms.Pick(await db.Set<Experiment>().Include(e => e.Variants).SingleAsync(e => e.Name == "delay-test"), bob.Id).Label,
            ExperimentTerms.Pick(await db.Set<Experiment>().Include(e => e.Variants).SingleAsync(e => e.Name == "thanks-test"), bob.Id).Label));

        await chat.BuysAsync("O-1", "bob");

        var shareAgain = (await chat.NudgesAsync()).Single(n => n.Kind == NudgeKind.ShareAgain);
        Assert.Equal(delay == "week" ? TimeSpan.FromDays(7) : TimeSpan.FromDays(3), shareAgain.DueAt - shareAgain.CreatedAt);
        chat.Time.Advance(TimeSpan.FromMinutes(11));
        await chat.DispatchAsync();
        var thankYou = chat.To("bob").Last();
        if (thanks == "warm") Assert.StartsWith("Thank you, Bob! Your code is ", thankYou, StringComparison.Ordinal);
        else Assert.DoesNotContain("Your code is", thankYou);
        Assert.Equal(2, await chat.DbAsync(db => db.Set<ExperimentExposure>().CountAsync(x => x.PersonId == bob.Id)));
    }

    [Fact]
    public async Task A_share_text_variant_is_what_its_sharers_share_and_its_results_count_sign_ups_per_click()
    {
        await using var chat = await ChatScript.StartAsync(NudgeScript.Sgd);
        await chat.SendAsync("admin", "/experiment new glow-serum words-test share-text");
        await chat.SendAsync("admin", "/experiment variant words-test brand Glow like   a K-drama lead");
        await SharersAsync(chat, 8);
        await chat.SendAsync("admin", "/experiment start words-test");
        var (control, brand) = await SharerPerVariantAsync(chat, "words-test");

        Assert.Contains("Glow like a K-drama lead", (await chat.SendAsync(brand, "/share")).Text);
        Assert.DoesNotContain("K-drama", (await chat.SendAsync(control, "/share")).Text);

        await VisitorsAsync(chat, await CodeOfAsync(chat, brand), 3);
        await FollowersAsync(chat, brand, "b", 2, buyers: 0);
        var said = await chat.SendAsync("admin", "/experiment show words-test");
        Assert.Contains("3 clicks → 2 sign-ups → 0 purchases; sign-ups per click 66.7%", said.Text);
        Assert.Contains("Too early to tell: each variant needs 30 clicks at least", said.Text);
    }

    [Fact]
    public async Task What_cannot_be_honoured_is_refused_and_changes_nothing()
    {
        await using var chat = await ChatScript.StartAsync(NudgeScript.Sgd);
        await chat.SendAsync("admin", "/campaign set glow-serum offer 10% off your first order");
        await chat.SendAsync("admin", "/campaign set glow-serum discount 10%");
        await chat.SendAsync("admin", "/experiment new glow-serum lonely offer");
        await chat.SendAsync("admin", "/experiment new glow-serum d-test offer");
        await chat.SendAsync("admin", "/experiment variant d-test more 15% off your first order");
        await chat.SendAsync("admin", "/experiment new glow-serum o-test offer");
        await chat.SendAsync("admin", "/experiment variant o-test gift A free gift with your order");
        await chat.SendAsync("admin", "/experiment new glow-serum o-test-2 offer");
        await chat.SendAsync("admin", "/experiment variant o-test-2 gift2 A tote bag with your order");

        Assert.Contains("lonely needs a variant besides the control first", (await chat.SendAsync("admin", "/experiment start lonely")).Text);
        Assert.Contains("The variant more can't be honoured", (await chat.SendAsync("admin", "/experiment start d-test")).Text);
        Assert.Contains("“50/30/20” isn't a split for these variants", (await chat.SendAsync("admin", "/experiment start o-test split 50/30/20")).Text);
        Assert.Contains("“0/100” isn't a split", (await chat.SendAsync("admin", "/experiment start o-test 0/100")).Text);
        Assert.Contains("isn't running", (await chat.SendAsync("admin", "/experiment stop o-test")).Text);
        Assert.Contains("running", (await chat.SendAsync("admin", "/experiment start o-test")).Text);
        Assert.Contains("o-test already tests the offer of glow-serum", (await chat.SendAsync("admin", "/experiment start o-test-2")).Text);
        Assert.Contains("is running already", (await chat.SendAsync("admin", "/experiment start o-test")).Text);
        Assert.Contains("has started: its variants can't change now", (await chat.SendAsync("admin", "/experiment variant o-test other Something else")).Text);
        Assert.Contains("nope isn't one of its variants", (await chat.SendAsync("admin", "/experiment stop o-test nope")).Text);
        Assert.Contains("is for campaign admins", (await chat.SendAsync("eve", "/experiment start lonely")).Text);

        var states = await chat.DbAsync(db => db.Set<Experiment>().OrderBy(e => e.Id).Select(e => e.State).ToListAsync());
        Assert.Equal([ExperimentState.Draft, ExperimentState.Draft, ExperimentState.Running, ExperimentState.Draft], states);
        Assert.Equal(Ten, await chat.DbAsync(db => db.Campaigns.Select(c => c.Offer).SingleAsync()));
    }

    // The default campaign in SGD, offering 10% off (a 10% discount), with a discount test against 15% (whose offer then
    // reads 15%) started over eight sharers who joined before it.
    private static async Task<ChatScript> DiscountExperimentAsync()
    {
        var chat = await ChatScript.StartAsync(NudgeScript.Sgd);
        await chat.SendAsync("admin", $"/campaign set glow-serum offer {Ten}");
        await chat.SendAsync("admin", "/campaign set glow-serum discount 10%");
        await chat.SendAsync("admin", "/experiment new glow-serum discount-test discount");
        await chat.SendAsync("admin", "/experiment variant discount-test fifteen 15%");
        await SharersAsync(chat, 8);
        Assert.Contains("discount-test, running", (await chat.SendAsync("admin", "/experiment start discount-test")).Text);
        return chat;
    }

    // A referrer reward of 5.00 SGD tested against 8.00, started with the given split over eight sharers.
    private static async Task<ChatScript> RewardExperimentAsync(string split)
    {
        var chat = await ChatScript.StartAsync(NudgeScript.Sgd);
        await chat.SendAsync("admin", "/campaign set glow-serum referrer-reward 5");
        await chat.SendAsync("admin", "/experiment new glow-serum reward-test referrer-reward");
        await chat.SendAsync("admin", "/experiment variant reward-test eight 8");
        await SharersAsync(chat, 8);
        Assert.Contains("reward-test, running", (await chat.SendAsync("admin", $"/experiment start reward-test{split}")).Text);
        return chat;
    }

    private static async Task SharersAsync(ChatScript chat, int count)
    {
        for (var i = 1; i <= count; i++) await chat.SendAsync($"sharer{i}", "/start");
    }

    // The first sharer the hash puts in the control and in the other variant; each then meets it with /code.
    private static async Task<(string Control, string Other)> SharerPerVariantAsync(ChatScript chat, string name)
    {
        var (experiment, people) = await chat.DbAsync(async db => (
            await db.Set<Experiment>().Include(e => e.Variants).SingleAsync(e => e.Name == name),
            await db.People.Where(p => p.ExternalId.StartsWith("sharer")).OrderBy(p => p.Id).ToListAsync()));
        var control = people.First(p => ExperimentTerms.Pick(experiment, p.Id).Label == ExperimentVariant.Control).ExternalId;
        var other = people.First(p => ExperimentTerms.Pick(experiment, p.Id).Label != ExperimentVariant.Control).ExternalId;
        await chat.SendAsync(control, "/code");
        await chat.SendAsync(other, "/code");
        return (control, other);
    }

    // People exposed per variant, in the variants' order, as the hash puts them (and as recorded).
    private static async Task<int[]> ExposedAsync(ChatScript chat, string name) => await chat.DbAsync(async db =>
    {
        var experiment = await db.Set<Experiment>().Include(e => e.Variants).SingleAsync(e => e.Name == name);
        var exposures = await db.Set<ExperimentExposure>().Where(x => x.ExperimentId == experiment.Id).ToListAsync();
        Assert.All(exposures, x => Assert.Equal(ExperimentTerms.Pick(experiment, x.PersonId).Id, x.VariantId));
        return experiment.Variants.OrderBy(v => v.Position).Select(v => exposures.Count(x => x.VariantId == v.Id)).ToArray();
    });

    private static Task<string> CodeOfAsync(ChatScript chat, string user) =>
        chat.DbAsync(db => db.Codes.Where(c => c.Member.Person.ExternalId == user && c.IsPrimary).Select(c => c.Value).SingleAsync());

    private static async Task FollowersAsync(ChatScript chat, string sharer, string prefix, int count, int buyers)
    {
        var code = await CodeOfAsync(chat, sharer);
        for (var i = 0; i < count; i++)
        {
            var follower = $"{prefix}{i}";
            await chat.SendAsync(follower, $"/start {code}");
            if (i < buyers) await chat.BuysAsync($"{prefix}-{i}", follower, 40m);
        }
    }

    private static async Task VisitorsAsync(ChatScript chat, string code, int count)
    {
        var redirects = chat.Services.GetRequiredService<ReferralRedirects>();
        var target = await redirects.FindAsync(code, CancellationToken.None) ?? throw new InvalidOperationException(code);
        for (var i = 0; i < count; i++) await redirects.VisitAsync(target, null, null, $"198.51.100.{i + 1}", "Mozilla/5.0", CancellationToken.None);
        await chat.Services.GetRequiredService<ClickWriter>().FlushAsync(CancellationToken.None);
    }

    // P(B > A) for B ~ Beta(1 + b, 1 + bFail), A ~ Beta(1 + a, 1 + aFail): the integral of B's density times A's CDF.
    private static double ProbabilityBetter(int b, int bFail, int a, int aFail)
    {
        var (better, worse) = (new Beta(1 + b, 1 + bFail), new Beta(1 + a, 1 + aFail));
        const int steps = 20_000;
        var sum = 0.0;
        for (var i = 1; i < steps; i++)
        {
            var x = (double)i / steps;
            sum += better.Density(x) * worse.CumulativeDistribution(x);
        }

        return sum / steps;
    }
}
