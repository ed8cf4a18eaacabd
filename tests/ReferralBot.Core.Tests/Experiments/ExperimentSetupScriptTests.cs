using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Administration;
using ReferralBot.Core.Experiments;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Experiments;

/// <summary>Setting an A/B test up in chat; each test names an experiment of its own in one shared chat.</summary>
public sealed class ExperimentSetupScriptTests(ExperimentSetupScriptTests.SharedChat shared) : IClassFixture<ExperimentSetupScriptTests.SharedChat>
{
    public sealed class SharedChat : IAsyncLifetime
    {
        public ChatScript Chat { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Chat = await ChatScript.StartAsync(ChatScript.Unthrottled);
            await Chat.SendAsync("admin", "/campaign set glow-serum discount 10%");
            await Chat.SendAsync("admin", "/campaign set glow-serum currency SGD");
        }

        public async Task DisposeAsync() => await Chat.DisposeAsync();
    }

    private ChatScript Chat => shared.Chat;

    [Fact]
    public async Task A_new_experiment_starts_as_a_draft_whose_control_is_the_campaigns_value()
    {
        var said = await Chat.SendAsync("admin", "/experiment new glow-serum discount-test discount");

        Assert.StartsWith("🧪 Experiment discount-test on Glow Serum (glow-serum) tests its discount. The control is “10%”.", said.Text, StringComparison.Ordinal);
        var experiment = await Chat.DbAsync(db => db.Set<Experiment>().Include(e => e.Variants).SingleAsync(e => e.Name == "discount-test"));
        Assert.Equal(ExperimentState.Draft, experiment.State);
        Assert.Equal(("control", "10%"), (experiment.Variants.Single().Label, experiment.Variants.Single().Value));
        Assert.Contains(await Chat.DbAsync(db => db.Set<AuditEntry>().Select(a => a.Action).ToListAsync()), a => a == "experiment.new");
    }

    [Fact]
    public async Task Variants_are_read_as_the_campaign_setting_reads_them_and_shown()
    {
        await Chat.SendAsync("admin", "/experiment new glow-serum reward-test referrer-reward");

        await Chat.SendAsync("admin", "/experiment variant reward-test five 5");
        var said = await Chat.SendAsync("admin", "/experiment variant reward-test eight SGD 8");

        Assert.Equal("🧪 reward-test, draft: referrer-reward of Glow Serum (glow-serum)\n• control: none\n• five: “5.00 SGD”\n• eight: “8.00 SGD”\nStart it: /experiment start reward-test", said.Text);
    }

    [Theory]
    [InlineData("discount", "150%", "“150%” isn't a valid discount. Nothing was changed.")]
    [InlineData("referrer-reward", "USD 5", "Amounts for glow-serum are in SGD: a variant can't change the currency. Nothing was changed.")]
    [InlineData("nudge-thank-you", "Thanks {{ name", "That isn't a valid message template (Liquid)")]
    [InlineData("share-again-delay", "a fortnight", "“a fortnight” isn't a delay: write it in days or hours, from 1 hour to 90 days")]
    [InlineData("share-again-delay", "91d", "“91d” isn't a delay")]
    public async Task A_bad_variant_value_is_refused_and_changes_nothing(string setting, string value, string expected)
    {
        var name = $"bad-{setting}-{Math.Abs(value.GetHashCode()) % 1000}";
        await Chat.SendAsync("admin", $"/experiment new glow-serum {name} {setting}");

        var said = await Chat.SendAsync("admin", $"/experiment variant {name} other {value}");

        Assert.StartsWith(expected, said.Text, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was changed.", said.Text, StringComparison.Ordinal);
        Assert.Single(await Chat.DbAsync(db => db.Set<ExperimentVariant>().Where(v => v.ExperimentId == db.Set<Experiment>().Single(e => e.Name == name).Id).ToListAsync()));
    }

    [Fact]
    public async Task A_delay_is_kept_in_days_or_hours()
    {
        await Chat.SendAsync("admin", "/experiment new glow-serum delay-test share-again-delay");

        var said = await Chat.SendAsync("admin", "/experiment variant delay-test week 7d");
        await Chat.SendAsync("admin", "/experiment variant delay-test soon 12 hours");

        Assert.Contains("• week: “7 days”", said.Text);
        Assert.Contains("• soon: “12 hours”", (await Chat.SendAsync("admin", "/experiment show delay-test")).Text);
    }

    [Fact]
    public async Task An_experiment_holds_four_variants_at_most_and_control_replaces_the_controls_value()
    {
        await Chat.SendAsync("admin", "/experiment new glow-serum offer-test offer");
        foreach (var label in new[] { "a", "b", "c" }) await Chat.SendAsync("admin", $"/experiment variant offer-test {label}x Offer {label}");

        var fifth = await Chat.SendAsync("admin", "/experiment variant offer-test dx Offer d");
        var control = await Chat.SendAsync("admin", "/experiment variant offer-test control 20% off today");

        Assert.Equal("offer-test has 4 variants already (the control included): change one by its label instead. Nothing was changed.", fifth.Text);
        Assert.Contains("• control: “20% off today”", control.Text);
    }

    [Theory]
    [InlineData("/experiment new no-such-campaign t1 offer", "There is no campaign called “no-such-campaign”")]
    [InlineData("/experiment new glow-serum T! offer", "“T!” can't be a name")]
    [InlineData("/experiment new glow-serum t2 colour", "There is no setting “colour” to test.")]
    [InlineData("/experiment variant nothing-here a 5", "There is no experiment called “nothing-here”.")]
    [InlineData("/experiment show nothing-here", "There is no experiment called “nothing-here”.")]
    [InlineData("/experiment", "A/B tests of a campaign setting:")]
    public async Task Bad_commands_say_what_is_wrong(string command, string expected)
    {
        var said = await Chat.SendAsync("admin", command);

        Assert.Contains(expected, said.Text);
    }

    [Fact]
    public async Task A_name_is_used_once_and_only_admins_may_set_experiments_up()
    {
        await Chat.SendAsync("admin", "/experiment new glow-serum twice offer");

        var again = await Chat.SendAsync("admin", "/experiment new glow-serum twice discount");
        var stranger = await Chat.SendAsync("mallory", "/experiment new glow-serum mine offer");

        Assert.StartsWith("There is already an experiment called twice", again.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("🧪", stranger.Text);
        Assert.False(await Chat.DbAsync(db => db.Set<Experiment>().AnyAsync(e => e.Name == "mine")));
    }
}
