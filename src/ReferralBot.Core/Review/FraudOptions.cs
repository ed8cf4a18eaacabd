using System.ComponentModel.DataAnnotations;

namespace ReferralBot.Core.Review;

/// <summary>
/// The fraud rules (<c>Fraud:</c>): each can be turned off (<c>Fraud:ClaimBurst:Enabled=false</c>) or tuned. A scan runs
/// every <see cref="ScanInterval"/> over the last <see cref="Lookback"/>, and before every payout run.
/// </summary>
public sealed class FraudOptions : IValidatableObject
{
    public const string Section = "Fraud";

    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How far back each scan looks (a rule's own window is shorter).</summary>
    [Range(typeof(TimeSpan), "01:00:00", "30.00:00:00")]
    public TimeSpan Lookback { get; set; } = TimeSpan.FromDays(2);

    /// <summary>The buyer is the code's owner under another account: the same payout details, or the same name in another channel.</summary>
    public RuleSwitch SelfReferral { get; set; } = new();

    /// <summary>One buyer's purchases credited to two referrers or more.</summary>
    public RuleSwitch TwoReferrers { get; set; } = new();

    public ClaimBurstSettings ClaimBurst { get; set; } = new();
    public NewAccountsSettings NewAccounts { get; set; } = new();
    public ClickFloodSettings ClickFlood { get; set; } = new();
    public FastClaimsSettings FastClaims { get; set; } = new();
    public LeakedCodeSettings LeakedCode { get; set; } = new();
    public RefundsSettings Refunds { get; set; } = new();

    // Data annotations do not look inside nested objects: each rule's settings are checked here.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        object[] rules = [ClaimBurst, NewAccounts, ClickFlood, FastClaims, LeakedCode, Refunds];
        foreach (var rule in rules)
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(rule, new ValidationContext(rule), results, validateAllProperties: true);
            foreach (var result in results)
                yield return new ValidationResult($"{Section}:{rule.GetType().Name.Replace("Settings", "")}: {result.ErrorMessage}", result.MemberNames);
        }
    }
}

public class RuleSwitch
{
    public bool Enabled { get; set; } = true;
}

/// <summary>More than <see cref="Claims"/> claims in <see cref="Minutes"/> on one code from people the bot never saw before, and <see cref="TimesUsual"/> times the code's own usual rate.</summary>
public sealed class ClaimBurstSettings : RuleSwitch
{
    [Range(1, 10_000)] public int Claims { get; set; } = 10;
    [Range(1, 1_440)] public int Minutes { get; set; } = 10;
    [Range(1, 1_000)] public int TimesUsual { get; set; } = 5;
}

/// <summary>
/// At least <see cref="Claimers"/> claimers on one code in a day whose Telegram accounts look new: an id above
/// <see cref="IdAbove"/> (Telegram hands out ids in rising order, so a high one was made recently), no username, and
/// nothing sent but <c>/start</c>.
/// </summary>
public sealed class NewAccountsSettings : RuleSwitch
{
    [Range(1L, long.MaxValue)] public long IdAbove { get; set; } = 7_000_000_000;
    [Range(1, 10_000)] public int Claimers { get; set; } = 5;
}

/// <summary>One visitor clicking one code more than <see cref="ClicksPerVisitor"/> times in a day (informs; holds nothing: clicks earn nothing).</summary>
public sealed class ClickFloodSettings : RuleSwitch
{
    [Range(1, 1_000_000)] public int ClicksPerVisitor { get; set; } = 30;
}

/// <summary>At least <see cref="Claims"/> claims on one code each under <see cref="Seconds"/> after a click on it: a script, not people reading a page.</summary>
public sealed class FastClaimsSettings : RuleSwitch
{
    [Range(0.1, 60)] public double Seconds { get; set; } = 1;
    [Range(1, 10_000)] public int Claims { get; set; } = 5;
}

/// <summary>At least <see cref="Buyers"/> buyers in <see cref="Hours"/> using a code with no claim and no click before (posted on a coupon site); informs the admin, holds nothing.</summary>
public sealed class LeakedCodeSettings : RuleSwitch
{
    [Range(1, 10_000)] public int Buyers { get; set; } = 5;
    [Range(1, 720)] public int Hours { get; set; } = 24;
}

/// <summary>
/// A member whose referred purchases are refunded at <see cref="Times"/> the campaign's rate or more, with at least
/// <see cref="MinimumRefunds"/>, and more often than chance explains: that many refunds or more would happen less than
/// <see cref="Chance"/> of the time at the rate of the rest of the campaign.
/// </summary>
public sealed class RefundsSettings : RuleSwitch
{
    [Range(1.0, 100.0)] public double Times { get; set; } = 2;
    [Range(1, 10_000)] public int MinimumRefunds { get; set; } = 3;
    [Range(1e-9, 1.0)] public double Chance { get; set; } = 0.001;
}
