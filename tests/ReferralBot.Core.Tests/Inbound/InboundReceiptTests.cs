using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Inbound;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Inbound;

public sealed class InboundReceiptTests
{
    [Fact]
    public async Task An_update_is_recorded_once_per_channel()
    {
        await using var chat = await ChatScript.StartAsync();
        var receipts = chat.Services.GetRequiredService<InboundReceipts>();

        Assert.True(await receipts.TryRecordAsync("telegram", "42", CancellationToken.None));
        Assert.False(await receipts.TryRecordAsync("telegram", "42", CancellationToken.None));
        Assert.True(await receipts.TryRecordAsync("botframework", "42", CancellationToken.None));
    }

    [Fact]
    public async Task Receipts_older_than_three_days_are_pruned_and_newer_ones_kept()
    {
        await using var chat = await ChatScript.StartAsync();
        var receipts = chat.Services.GetRequiredService<InboundReceipts>();
        await receipts.TryRecordAsync("telegram", "1", CancellationToken.None);
        chat.Time.Advance(TimeSpan.FromDays(2));
        await receipts.TryRecordAsync("telegram", "2", CancellationToken.None);
        chat.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        var pruned = await chat.Services.GetRequiredService<InboundReceiptPruner>().PruneAsync(CancellationToken.None);

        Assert.InRange(pruned, 0, 1); // the background pruner, on the same clock, may have got there first
        Assert.False(await receipts.TryRecordAsync("telegram", "2", CancellationToken.None));
        Assert.True(await receipts.TryRecordAsync("telegram", "1", CancellationToken.None));
    }
}
