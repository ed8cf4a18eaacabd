using System.Globalization;

namespace ReferralBot.DataGenerator;

public sealed record GeneratorOptions(string Database, int Clicks, int Purchases, int Members, int Influencers, bool MeasureOnly, int Seed)
{
    public static GeneratorOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        }

        int Number(string name, int fallback) => int.Parse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        return new GeneratorOptions(
            Path.GetFullPath(Value("--db", "referralbot-large.db")),
            Number("--clicks", 1_000_000),
            Number("--purchases", 100_000),
            Number("--members", 20_000),
            Number("--influencers", 50),
            args.Contains("--measure-only"),
            Number("--seed", 42));
    }
}
