using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Clicks;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Clicks;

public sealed class ClickWriterTests
{
    // 600 clicks take three JSON statements of 250 on SQLite: every click lands once, with its time to the tick as EF
    // reads it (PostgreSQL keeps times to the microsecond).
    [Theory]
    [InlineData(ChatScript.Sqlite)]
    [InlineData(ChatScript.Postgres)]
    public async Task A_batch_of_many_clicks_is_stored_click_for_click_with_exact_times_and_unique_visitors_counted(string store)
    {
        await using var chat = await ChatScript.StartOnAsync(store);
        var precision = store == ChatScript.Postgres ? TimeSpan.TicksPerMicrosecond : 1;
        var jane = (await chat.SendAsync("jane", "/start")).Code;
        var redirects = chat.Services.GetRequiredService<ReferralRedirects>();
        var target = await redirects.FindAsync(jane, CancellationToken.None);
        var expected = new List<(string? Source, DateTime At)>();

        for (var i = 0; i < 600; i++)
        {
            chat.Time.Advance(TimeSpan.FromTicks(1_234_567));
            var source = i % 2 == 0 ? "ig" : null;
            await redirects.VisitAsync(target!, source, null, $"203.0.113.{i % 3}", "Mozilla/5.0 (iPhone)", CancellationToken.None);
            var at = chat.Time.GetUtcNow().UtcDateTime;
            expected.Add((source, at.AddTicks(-(at.Ticks % precision))));
        }

        await chat.Services.GetRequiredService<ClickWriter>().FlushAsync(CancellationToken.None);
        var stored = await chat.DbAsync(db => db.Set<Click>().OrderBy(c => c.Id).Select(c => new { c.Source, c.OccurredAt, c.Visitor, c.Code }).ToListAsync());
        var tallies = await chat.DbAsync(db => db.Set<ClickTally>().OrderBy(t => t.Source).Select(t => new { t.Source, t.Clicks, t.UniqueClicks }).ToListAsync());

        Assert.Equal(expected, stored.Select(c => (c.Source, c.OccurredAt)).ToList());
        Assert.All(stored, c => Assert.Equal(jane, c.Code));
        Assert.Equal(3, stored.Select(c => c.Visitor).Distinct().Count());
        Assert.Equal([new { Source = "", Clicks = 300, UniqueClicks = 3 }, new { Source = "ig", Clicks = 300, UniqueClicks = 3 }], tallies);
    }
}
