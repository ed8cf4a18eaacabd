using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Payouts;
using ReferralBot.Core.Storage;
using ReferralBot.Core.Tests.Support;
using ReferralBot.Testing;

namespace ReferralBot.Core.Tests.Payouts;

public sealed class PayToScriptTests
{
    [Theory]
    [InlineData("paynow +65 9123 4567", "PayNow …4567", "+6591234567")]
    [InlineData("paynow 81234567", "PayNow …4567", "+6581234567")]
    [InlineData("paynow 201912345k", "PayNow UEN …345K", "201912345K")]
    [InlineData("paynow T08LL1234A", "PayNow UEN …234A", "T08LL1234A")]
    [InlineData("paypal jane.tan@example.com", "PayPal j…@example.com", "jane.tan@example.com")]
    [InlineData("bank Jane Tan; DBS; 123-456789-0", "DBS account …7890", "1234567890")]
    public async Task Details_are_stored_sealed_and_shown_only_masked(string details, string masked, string account)
    {
        await using var chat = await ChatScript.StartAsync();

        var set = await chat.SendAsync("jane", $"/payto {details}");
        var shown = await chat.SendAsync("jane", "/payto");

        Assert.Contains($"✅ Your earnings will go to {masked}.", set.Text);
        Assert.Contains($"Your earnings go to {masked}", shown.Text);
        Assert.DoesNotContain(account, set.Text + shown.Text);
        var stored = await chat.DbAsync(db => db.Set<PayoutAccount>().SingleAsync());
        Assert.Equal(masked, stored.Masked);
        Assert.DoesNotContain(account, stored.Sealed);
        Assert.Equal(account, chat.Services.GetRequiredService<PayoutDetailsVault>().Open(stored.Sealed).Account);
    }

    [Theory]
    [InlineData("paynow +65 7123 4567", "a Singapore mobile is +65 and 8 digits starting with 8 or 9")]
    [InlineData("paynow +1 415 555 0100", "a Singapore mobile is +65")]
    [InlineData("paynow 1234", "a UEN looks like")]
    [InlineData("paynow 2019123K", "a UEN looks like")]
    [InlineData("paypal =cmd@example.com", "write it like /payto paypal you@example.com")]
    [InlineData("paypal jane-at-example.com", "write it like /payto paypal you@example.com")]
    [InlineData("paypal jane@example", "write it like /payto paypal you@example.com")]
    [InlineData("paypal jane\u202e@example.com", "write it like /payto paypal you@example.com")]
    [InlineData("bank Jane Tan, DBS, 1234567890", "three things separated by semicolons")]
    [InlineData("bank ; DBS; 1234567890", "the name on the account")]
    [InlineData("bank Jane Tan; ; 1234567890", "Say which bank")]
    [InlineData("bank Jane Tan; DBS; 12345X7890", "An account number is digits only")]
    [InlineData("bank Jane Tan; DBS; 123", "An account number is digits only")]
    public async Task A_bad_form_says_what_was_expected_and_changes_nothing(string details, string expected)
    {
        await using var chat = await ChatScript.StartAsync();
        await chat.SendAsync("jane", "/payto paypal jane@example.com");
        var before = await chat.DbAsync(db => db.Set<PayoutAccount>().AsNoTracking().SingleAsync());

        var said = await chat.SendAsync("jane", $"/payto {details}");

        Assert.Contains(expected, said.Text);
        Assert.EndsWith("Nothing was changed.", said.Text, StringComparison.Ordinal);
        Assert.Equivalent(before, await chat.DbAsync(db => db.Set<PayoutAccount>().AsNoTracking().SingleAsync()));
    }

    [Theory]
    [InlineData("/payto venmo @jane")]
    [InlineData("/payto paynow")]
    [InlineData("/payto remove everything")]
    public async Task An_unknown_method_or_a_missing_value_gets_the_forms(string line)
    {
        await using var chat = await ChatScript.StartAsync();

        var said = await chat.SendAsync("jane", line);

        Assert.Contains("/payto paynow +65 9123 4567", said.Text);
        Assert.Contains("/payto bank Account name; Bank; Account number", said.Text);
        Assert.Equal(0, await chat.CountAsync<PayoutAccount>());
    }

    [Fact]
    public async Task New_details_replace_the_old_and_remove_takes_them_away()
    {
        await using var chat = await ChatScript.StartAsync();
        await chat.SendAsync("jane", "/payto paypal jane@example.com");

        var replaced = await chat.SendAsync("jane", "/payto paynow 91234567");
        var removed = await chat.SendAsync("jane", "/payto remove");
        var again = await chat.SendAsync("jane", "/payto remove");
        var shown = await chat.SendAsync("jane", "/payto");

        Assert.Contains("PayNow …4567 (instead of PayPal j…@example.com)", replaced.Text);
        Assert.Contains("Removed PayNow …4567", removed.Text);
        Assert.Contains("nothing to remove", again.Text);
        Assert.Contains("I have no payout details for you yet", shown.Text);
        Assert.Equal(0, await chat.CountAsync<PayoutAccount>());
    }

    [Fact]
    public async Task Details_never_reach_the_log_even_when_the_message_fails()
    {
        var logs = new CapturedLogs();
        await using var chat = await ChatScript.StartAsync(services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            services.ConfigureDbContext<ReferralBotDbContext>(o => o.AddInterceptors(new StoreDownForPayouts()));
        });

        var said = await chat.SendAsync("jane", "/payto paynow +65 9123 4567");

        Assert.Contains("went wrong", said.Text);
        var failed = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error && e.Message.StartsWith("Handling ", StringComparison.Ordinal));
        Assert.Contains("/payto (details withheld)", failed.Message);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("9123", StringComparison.Ordinal) || e.Message.Contains("4567", StringComparison.Ordinal));
    }

    [Fact]
    public async Task My_data_shows_the_details_masked_and_forget_erases_them()
    {
        await using var chat = await ChatScript.StartAsync();
        await chat.SendAsync("jane", "/start", "Jane");
        await chat.SendAsync("jane", "/payto bank Jane Tan; DBS; 123-456789-0");

        var mine = await chat.SendAsync("jane", "/mydata");
        await chat.SendAsync("jane", "/forget yes");

        var json = Encoding.UTF8.GetString(mine.Replies.OfType<DocumentReply>().Single().Content);
        Assert.Contains("\"masked\": \"DBS account …7890\"", json.Replace("\\u2026", "…", StringComparison.Ordinal));
        Assert.DoesNotContain("1234567890", json);
        Assert.DoesNotContain("Jane Tan", json);
        Assert.Equal(0, await chat.CountAsync<PayoutAccount>());
    }

    /// <summary>The database failing as <c>/payto</c> saves (as in an outage).</summary>
    private sealed class StoreDownForPayouts : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            eventData.Context!.ChangeTracker.Entries<PayoutAccount>().Any()
                ? throw new InvalidOperationException("The store is down.")
                : ValueTask.FromResult(result);
    }
}
