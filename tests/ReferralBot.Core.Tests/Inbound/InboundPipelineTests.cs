using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Claims;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Inbound;
using ReferralBot.Core.Links;
using ReferralBot.Core.Members;
using ReferralBot.Core.Outbound;
using ReferralBot.Core.Storage;
using ReferralBot.Core.Tests.Nudges;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Inbound;

/// <summary>
/// One way in for every channel: what a message changes, its receipt and its answer are kept together or not at all,
/// so a redelivery after a crash is handled, and a redelivery after success changes nothing.
/// </summary>
public sealed class InboundPipelineTests
{
    [Theory]
    [InlineData("/start")] // the general path: someone new joins the default campaign
    [InlineData("/stats")] // a command that only reads
    public async Task A_delivery_handled_once_is_a_no_op_the_second_time(string text)
    {
        await using var chat = await ChatScript.StartAsync();

        var first = await DeliverAsync(chat, "jane", text, "7");
        var again = await DeliverAsync(chat, "jane", text, "7");

        Assert.False(first.Duplicate);
        Assert.NotEmpty(first.Replies);
        Assert.True(again.Duplicate);
        Assert.Empty(again.Replies);
        Assert.Equal(1, await AnswersAsync(chat, "7"));
        Assert.Equal(1, await chat.CountAsync<InboundReceipt>());
    }

    [Fact]
    public async Task A_deep_link_claim_delivered_twice_is_claimed_and_answered_once()
    {
        await using var chat = await ChatScript.StartAsync();
        var jane = (await chat.SendAsync("jane", "/start")).Code;

        var first = await DeliverAsync(chat, "bob", $"/start {jane}", "8");
        var again = await DeliverAsync(chat, "bob", $"/start {jane}", "8");

        Assert.Contains("You're in!", new Said(first.Replies).Text, StringComparison.Ordinal);
        Assert.True(again.Duplicate);
        Assert.Equal(1, await chat.CountAsync<Claim>());
        Assert.Equal(1, await AnswersAsync(chat, "8"));
        Assert.Equal(1, await chat.DbAsync(db => db.Members.Where(m => m.Person.ExternalId == "jane").Select(m => m.SignUps).SingleAsync()));
    }

    // The receipt is the last row a message writes. Making that insert fail (as a crash at that moment would) must
    // take the claim, the new member and the answer with it, on the fast path and on the general one it falls back to;
    // the channel's redelivery is then a first delivery, and is claimed and answered once.
    [Fact]
    public async Task A_failure_as_the_receipt_is_written_keeps_nothing_and_the_redelivery_claims()
    {
        // The failing trigger is written in SQLite's dialect.
        await using var chat = await ChatScript.StartOnAsync(ChatScript.Sqlite);
        var jane = (await chat.SendAsync("jane", "/start")).Code;
        await chat.DbAsync(db => db.Database.ExecuteSqlRawAsync("""
            CREATE TRIGGER "TestCrash" BEFORE INSERT ON "InboundReceipt" WHEN NEW."ExternalId" = '9'
            BEGIN SELECT RAISE(ABORT, 'crash at the receipt'); END;
            """));

        var crash = await Assert.ThrowsAnyAsync<Exception>(() => DeliverAsync(chat, "bob", $"/start {jane}", "9"));
        var afterCrash = new { Claims = await chat.CountAsync<Claim>(), Members = await chat.CountAsync<Member>(), Answers = await AnswersAsync(chat, "9") };
        await chat.DbAsync(db => db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "TestCrash";"""));
        var redelivered = await DeliverAsync(chat, "bob", $"/start {jane}", "9");

        Assert.Contains("crash at the receipt", crash.InnerException?.Message ?? crash.Message, StringComparison.Ordinal);
        Assert.Equal(new { Claims = 0, Members = 1, Answers = 0 }, afterCrash);
        Assert.Contains("You're in!", new Said(redelivered.Replies).Text, StringComparison.Ordinal);
        Assert.Equal(1, await chat.CountAsync<Claim>());
        Assert.Equal(1, await AnswersAsync(chat, "9"));
    }

    // A kill while a general-path message is under way (here: after its claim is saved, before the commit). Nothing of
    // the message survives the restart, and the redelivery claims, tells the referrer and answers, each once.
    [Fact]
    public async Task A_kill_between_a_claim_and_the_commit_loses_nothing_and_doubles_nothing()
    {
        using var kill = new KillAfterClaimSaved();
        await using var chat = await ChatScript.StartAsync(services => services.ConfigureDbContext<ReferralBotDbContext>(o => o.AddInterceptors(kill)));
        var jane = (await chat.SendAsync("jane", "/start")).Code;
        await chat.SendAsync("bob", "/start"); // bob is in the campaign already: his claim takes the general path

        kill.Armed = true;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DeliverAsync(chat, "bob", $"/claim {jane}", "10", kill.Token));
        await using var restarted = await chat.RestartAsync();
        var lost = await restarted.CountAsync<Claim>();
        var redelivered = await DeliverAsync(restarted, "bob", $"/claim {jane}", "10");
        var again = await DeliverAsync(restarted, "bob", $"/claim {jane}", "10");

        Assert.Equal(0, lost);
        Assert.Contains("You're in!", new Said(redelivered.Replies).Text, StringComparison.Ordinal);
        Assert.True(again.Duplicate);
        Assert.Equal(1, await restarted.CountAsync<Claim>());
        Assert.Equal(1, await AnswersAsync(restarted, "10"));
        Assert.Equal(1, await restarted.DbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Key.StartsWith("claim:"))));
    }

    [Fact]
    public async Task An_answer_not_yet_sent_when_the_service_stops_is_sent_after_the_restart()
    {
        await using var chat = await ChatScript.StartAsync();
        chat.Outbound.HoldAnswers = true;
        await DeliverAsync(chat, "jane", "/start", "11");

        await using var restarted = await chat.RestartAsync();
        var answered = restarted.Outbound.NextAnswerAsync();
        restarted.Time.Advance(TimeSpan.FromMinutes(1)); // past the retry's backoff, if the held one was tried
        // The outbox may have looked just before the clock moved and be arming its poll on the fake clock only now; a
        // nudge makes it look again, as a new message would (otherwise it waits for a poll that never comes).
        restarted.Services.GetRequiredService<OutboxSignal>().Notify();
        await answered;
        await restarted.OutboxSettledAsync(); // and recorded as sent

        Assert.Equal(1, await restarted.DbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Key == "reply:test:11" && m.SentAt != null)));
    }

    [Fact]
    public async Task In_a_group_only_help_is_answered_there_and_the_rest_is_asked_in_private()
    {
        var links = new TestChannelLinks { Username = "GlowUpBot" };
        await using var chat = await ChatScript.StartAsync(services => services.AddSingleton<IChannelLinks>(links));
        var pipeline = chat.Services.GetRequiredService<InboundPipeline>();

        var help = await pipeline.HandleAsync(new InboundMessage(ChatScript.Channel, "-100", "jane", "Jane", "/help") { IsPrivateChat = false }, CancellationToken.None);
        var stats = await pipeline.HandleAsync(new InboundMessage(ChatScript.Channel, "-100", "jane", "Jane", "/stats") { IsPrivateChat = false }, CancellationToken.None);

        Assert.Contains("/code", new Said(help.Replies).Text, StringComparison.Ordinal);
        Assert.Contains("private chat: https://chat.example/GlowUpBot", new Said(stats.Replies).Text, StringComparison.Ordinal);
        Assert.Equal(0, await chat.CountAsync<Member>());
    }

    [Fact]
    public async Task Receipts_older_than_three_days_are_pruned_and_newer_ones_kept()
    {
        await using var chat = await ChatScript.StartAsync();
        await DeliverAsync(chat, "jane", "/help", "1");
        chat.Time.Advance(TimeSpan.FromDays(2));
        await DeliverAsync(chat, "jane", "/help", "2");
        chat.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        var pruned = await chat.Services.GetRequiredService<InboundReceiptPruner>().PruneAsync(CancellationToken.None);

        Assert.InRange(pruned, 0, 1); // the background pruner, on the same clock, may have got there first
        Assert.Equal(["2"], await chat.DbAsync(db => db.Set<InboundReceipt>().Select(r => r.ExternalId).ToListAsync()));
    }

    private static Task<InboundResult> DeliverAsync(ChatScript chat, string user, string text, string deliveryId, CancellationToken cancellationToken = default) =>
        chat.Services.GetRequiredService<InboundPipeline>().HandleAsync(
            new InboundMessage(ChatScript.Channel, user, user, char.ToUpperInvariant(user[0]) + user[1..], text) { DeliveryId = deliveryId }, cancellationToken);

    private static Task<int> AnswersAsync(ChatScript chat, string deliveryId) =>
        chat.DbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Key == $"reply:{ChatScript.Channel}:{deliveryId}"));

    /// <summary>Cancels the message (the host going down) as soon as a claim has been saved, before the message commits.</summary>
    private sealed class KillAfterClaimSaved : SaveChangesInterceptor, IDisposable
    {
        private readonly CancellationTokenSource kill = new();

        public bool Armed { get; set; }

        public CancellationToken Token => kill.Token;

        public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (Armed && eventData.Context!.ChangeTracker.Entries<Claim>().Any())
            {
                Armed = false;
                await kill.CancelAsync();
                kill.Token.ThrowIfCancellationRequested();
            }

            return result;
        }

        public void Dispose() => kill.Dispose();
    }
}
