using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReferralBot.Core.Review.Rules;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Review;

/// <summary>
/// Runs every enabled rule over the last <see cref="FraudOptions.Lookback"/> and opens the cases they propose that are
/// not open or decided already (each case's key is unique, so a rule firing again, or two instances scanning at once,
/// opens nothing twice). Run every <see cref="FraudOptions.ScanInterval"/> and before each payout run.
/// </summary>
public sealed partial class FraudScan(
    ReferralBotDbContext db, IEnumerable<IFraudRule> rules, IOptions<FraudOptions> options, TimeProvider time, ILogger<FraudScan> logger)
{
    /// <summary>How many cases were opened.</summary>
    public async Task<int> ScanAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var scan = new FraudScanContext(db, settings, now, now - settings.Lookback);
        var found = new List<ReviewCase>();
        foreach (var rule in rules.Where(r => r.IsEnabled(settings))) found.AddRange(await rule.FindAsync(scan, cancellationToken));
        if (found.Count == 0) return 0;

        found = found.DistinctBy(c => c.Key).ToList();
        var keys = found.Select(c => c.Key).ToList();
        var known = (await db.Set<ReviewCase>().Where(c => keys.Contains(c.Key)).Select(c => c.Key).ToListAsync(cancellationToken)).ToHashSet();
        var opened = found.Where(c => !known.Contains(c.Key)).ToList();
        if (opened.Count == 0) return 0;

        db.AddRange(opened);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Another instance opened some of them a moment ago: the next scan opens the rest.
            db.ChangeTracker.Clear();
            return 0;
        }

        foreach (var opening in opened) LogOpened(logger, opening.Id, opening.Rule, opening.MemberId, opening.Holds);
        return opened.Count;
    }

    [LoggerMessage(LogLevel.Warning, "Review case {CaseId} opened by the {Rule} rule for member {MemberId} (holds rewards: {Holds})")]
    private static partial void LogOpened(ILogger logger, int caseId, string rule, int memberId, bool holds);
}
