using ReferralBot.FakeTelegram;

namespace ReferralBot.Testing.Cluster;

/// <summary>The promises the cluster scenario checks once both instances have stopped cleanly.</summary>
internal static class ClusterChecks
{
    public static async Task RunAsync(ClusterReport report, ClusterLoad load, ClusterDatabase database, FakeBotApi fake)
    {
        await ClaimsAsync(report, load, database);
        await MoneyAsync(report, load, database);
        await MessagesAsync(report, load, database, fake);
        (report.Clicks, report.UniqueClicks) = await database.ClicksAsync();
        report.Check(report.Clicks == load.Clicks, $"{report.Clicks} clicks counted of {load.Clicks}");
        report.Check(report.UniqueClicks == load.Visitors, $"{report.UniqueClicks} unique clicks counted for {load.Visitors} visitors");
    }

    private static async Task ClaimsAsync(ClusterReport report, ClusterLoad load, ClusterDatabase database)
    {
        var people = await database.FansAsync();
        report.Check(people == load.People, $"{people} people stored for {load.People} who claimed");
        var odd = await database.OddFansAsync();
        report.Check(odd.Count == 0, $"{odd.Count} people without exactly one membership and one claim, e.g. " + string.Join("; ", odd.Take(5).Select(o => $"{o.A}: {o.B}")));
        report.Claims = (int)await database.ClaimsAsync();
        report.Check(report.Claims == load.People, $"{report.Claims} claims for {load.People} people");
        var counters = await database.MiscountedAsync();
        report.Check(counters.Count == 0, "sign-up counts differ from claims: " + string.Join("; ", counters.Take(5).Select(c => $"{c.A}: {c.B}")));
        for (var i = 0; i < load.Influencers; i++)
        {
            var expected = Enumerable.Range(0, load.People).Count(p => p % load.Influencers == i);
            var counted = await database.SignUpsOfAsync(ClusterScenario.Code(i));
            report.Check(counted == expected, $"{ClusterScenario.Code(i)} counts {counted} sign-ups of {expected}");
        }
    }

    private static async Task MoneyAsync(ClusterReport report, ClusterLoad load, ClusterDatabase database)
    {
        report.Purchases = (int)await database.PurchasesAsync();
        report.Refunds = (int)await database.RefundsAsync();
        report.Check(report.Purchases == load.Purchases, $"{report.Purchases} purchases stored of {load.Purchases}");
        report.Check(report.Refunds == load.Refunds, $"{report.Refunds} refunds stored of {load.Refunds}");
        // One tier (Bronze, 10%) for everyone: each purchase earns its referrer a tenth, each refund takes it back.
        report.LedgerExpected = Enumerable.Range(0, load.Purchases).Sum(i => ClusterScenario.Amount(i) / 10)
            - Enumerable.Range(0, load.Refunds).Sum(i => ClusterScenario.Amount(i) / 10);
        report.LedgerTotal = await database.LedgerTotalAsync();
        var entries = await database.LedgerEntriesAsync();
        report.Check(report.LedgerTotal == report.LedgerExpected, $"the ledger sums to {report.LedgerTotal}, not {report.LedgerExpected}");
        report.Check(entries == load.Purchases + load.Refunds, $"{entries} ledger entries for {load.Purchases} purchases and {load.Refunds} refunds");
    }

    private static async Task MessagesAsync(ClusterReport report, ClusterLoad load, ClusterDatabase database, FakeBotApi fake)
    {
        var sends = fake.Calls.Where(c => c.IsSend).ToList();
        var delivered = sends.Where(c => c.Succeeded).ToList();
        report.Sends = delivered.Count;
        // The most sends (accepted or not) the fake saw from one instance within a second, and the sends' span.
        report.PeakPerSecond = sends.GroupBy(s => s.Via)
            .Select(g => g.OrderBy(s => s.At).ToList())
            .Select(list => list.Select((s, i) => list.Skip(i).TakeWhile(o => o.At < s.At.AddSeconds(1)).Count()).DefaultIfEmpty(0).Max())
            .DefaultIfEmpty(0).Max();
        report.LimitViolations = fake.LimitViolations;
        report.Check(fake.LimitViolations == 0, $"{fake.LimitViolations} sends broke Telegram's limits");
        var refused = sends.Where(c => c.Status == 429).ToList();
        report.Check(refused.Count == 0, $"{refused.Count} sends were answered 429: " + string.Join("; ", refused.Take(5).Select(c =>
            $"chat {c.ChatId} at {(c.At - report.KilledAt).TotalSeconds:F3} s from the kill, its sends then at " +
            string.Join(", ", sends.Where(s => s.ChatId == c.ChatId && Math.Abs((s.At - c.At).TotalSeconds) < 3).Select(s => $"{(s.At - report.KilledAt).TotalSeconds:F3}/{s.Status}/{s.Via}"))
            + $" (sends by instance in the second before: {string.Join(", ", sends.Where(s => s.At > c.At.AddSeconds(-1) && s.At <= c.At).GroupBy(s => s.Via).Select(g => $"{g.Key} {g.Count()}"))})")));
        // One sender at a time: each send comes from the instance that sent the one before, or after a pause no
        // shorter than the grace a new sender waits (less a margin for the fake's own stamping).
        var handovers = sends.Zip(sends.Skip(1)).Where(p => p.First.Via != p.Second.Via && (p.Second.At - p.First.At).TotalSeconds < 1.0).ToList();
        report.Check(handovers.Count == 0, $"{handovers.Count} times another instance sent within a second of the last: " +
            string.Join("; ", handovers.Take(5).Select(p => $"{p.First.Via} at {(p.First.At - report.KilledAt).TotalSeconds:F3} s, {p.Second.Via} at {(p.Second.At - report.KilledAt).TotalSeconds:F3} s")));
        var twice = delivered.GroupBy(c => (c.ChatId, Text: c.Parameters.GetValueOrDefault("text") ?? c.Parameters.GetValueOrDefault("caption") ?? ""))
            .Where(g => g.Count() > 1).ToList();
        var examples = new List<string>();
        foreach (var g in twice.Take(3))
        {
            // Which stored messages carry that text: one sent twice, or two alike?
            var rows = await database.MessagesToAsync(g.Key.ChatId ?? 0);
            examples.Add($"{g.Key.ChatId} ×{g.Count()} at {string.Join(", ", g.Select(c => $"{(c.At - report.KilledAt).TotalSeconds:F3} s via {c.Via}"))}: {g.Key.Text[..Math.Min(120, g.Key.Text.Length)]} " +
                $"[the chat's stored messages: {string.Join(" | ", rows.Select(r => $"{r.A} {r.B}"))}]");
        }

        report.Check(twice.Count == 0, $"{twice.Count} (chat, text) pairs sent more than once, e.g. " + string.Join("; ", examples));
        var heard = delivered.Select(c => c.ChatId).ToHashSet();
        var unanswered = Enumerable.Range(0, load.People).Count(i => !heard.Contains(ClusterScenario.Person(i)));
        report.Check(unanswered == 0, $"{unanswered} people who claimed heard nothing back");
        report.Interrupted = (int)await database.InterruptedAsync();
        var dropped = await database.DroppedAsync();
        report.Check(dropped.Count == 0, $"{dropped.Count} messages dropped, e.g. " + string.Join("; ", dropped.Take(5).Select(d => $"{d.A}: {d.B}")));
    }
}
