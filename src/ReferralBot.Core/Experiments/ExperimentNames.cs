using System.Text.RegularExpressions;

namespace ReferralBot.Core.Experiments;

/// <summary>Experiment names and variant labels: 2–40 lower-case letters, digits and hyphens, as admins type them.</summary>
public static partial class ExperimentNames
{
    public const int MaxLength = 40;

    public static bool TryNormalize(string text, out string name)
    {
        name = text.Trim().ToLowerInvariant();
        return Pattern().IsMatch(name);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    private static partial Regex Pattern();
}
