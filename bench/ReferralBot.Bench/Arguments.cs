using System.Globalization;

namespace ReferralBot.Bench;

internal static class Arguments
{
    public static string Value(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }

    /// <summary>Every value given for <paramref name="name"/>, in order (<c>--url A --url B</c>).</summary>
    public static IReadOnlyList<string> Values(string[] args, string name) =>
        args.Select((arg, at) => (arg, at)).Where(x => x.arg == name && x.at + 1 < args.Length).Select(x => args[x.at + 1]).ToList();

    public static int Number(string[] args, string name, int fallback) =>
        int.Parse(Value(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
}
