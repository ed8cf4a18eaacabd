using System.Globalization;
using System.Text.Json;

namespace ReferralBot.Testing.Cluster;

/// <summary>What the cluster scenario measured, and every promise it found broken (<see cref="Violations"/>: none, when all held).</summary>
public sealed class ClusterReport
{
    public List<string> Violations { get; } = [];

    public int Claims { get; set; }
    public int ClaimUpdates { get; set; }
    public int Purchases { get; set; }
    public int Refunds { get; set; }
    public decimal LedgerTotal { get; set; }
    public decimal LedgerExpected { get; set; }
    public int Sends { get; set; }
    public int LimitViolations { get; set; }
    public int PeakPerSecond { get; set; }
    public int Interrupted { get; set; }
    public int Clicks { get; set; }
    public int UniqueClicks { get; set; }
    public int Retried { get; set; }
    public string KilledInstance { get; set; } = "";
    public double FailoverSeconds { get; set; }
    public DateTimeOffset KilledAt { get; set; }
    public double Seconds { get; set; }

    public void Check(bool held, string promise)
    {
        if (held) return;
        lock (Violations) Violations.Add(promise);
    }

    public string ToJson() => JsonSerializer.Serialize(new
    {
        claims = Claims, claimUpdates = ClaimUpdates, purchases = Purchases, refunds = Refunds,
        ledgerTotal = LedgerTotal.ToString("F2", CultureInfo.InvariantCulture), ledgerExpected = LedgerExpected.ToString("F2", CultureInfo.InvariantCulture),
        sends = Sends, peakPerSecond = PeakPerSecond, limitViolations = LimitViolations, interrupted = Interrupted, clicks = Clicks, uniqueClicks = UniqueClicks,
        retried = Retried, killed = KilledInstance, failoverSeconds = Math.Round(FailoverSeconds, 2), seconds = Math.Round(Seconds, 1),
        violations = Violations,
    });
}
