using System.Globalization;

namespace ReferralBot.DataGenerator;

public sealed record GeneratorOptions(string Database, int Clicks, int Purchases, int Members, int Influencers, bool MeasureOnly, int Seed)
{
    /// <summary>
    /// <c>--connection "Host=…;Database=…"</c>: a PostgreSQL database, as the service's <c>ConnectionStrings:ReferralBot</c>
    /// names it, migrated beforehand by the service's <c>migrate</c>; without it, <c>--db</c>'s SQLite file.
    /// </summary>
    public string? Connection { get; init; }

    public bool IsPostgres => Connection is not null;

    public int Outbox { get; init; }

    public int Nudges { get; init; }

    public int Claims { get; init; }

    public int Remind { get; init; }

    public int Due { get; init; }

    public double DueRate { get; init; } = 20;

    public double DueIn { get; init; } = 20;

    /// <summary>Run the fraud rules over the generated data (<see cref="FraudScanCheck"/>).</summary>
    public bool FraudScan { get; init; }

    public static GeneratorOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        }

        int Number(string name, int fallback) => int.Parse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        var connection = Value("--connection", "");
        if (connection.Length > 0 && !connection.Contains("Host=", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException("--connection takes a PostgreSQL connection string (Host=…;Database=…); a SQLite file is --db FILE.");
        return new GeneratorOptions(
            Path.GetFullPath(Value("--db", "referralbot-large.db")),
            Number("--clicks", 1_000_000),
            Number("--purchases", 100_000),
            Number("--members", 20_000),
            Number("--influencers", 50),
            args.Contains("--measure-only"),
            Number("--seed", 42))
        {
            Connection = connection.Length > 0 ? connection : null,
            Outbox = Number("--outbox", 0),
            Nudges = Number("--nudges", 0),
            Claims = Number("--claims", 0),
            Remind = Number("--remind", 0),
            FraudScan = args.Contains("--fraud-scan"),
            Due = Number("--due", 0),
            DueRate = double.Parse(Value("--due-rate", "20"), CultureInfo.InvariantCulture),
            DueIn = double.Parse(Value("--due-in", "20"), CultureInfo.InvariantCulture),
        };
    }
}
