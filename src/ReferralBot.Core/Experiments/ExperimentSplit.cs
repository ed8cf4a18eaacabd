using System.Globalization;

namespace ReferralBot.Core.Experiments;

/// <summary>How <c>/experiment start … split 50/30/20</c> shares people among the variants, in their order.</summary>
public static class ExperimentSplit
{
    /// <summary>The weights, one per variant (each 1 to 100), or null when the split does not read; even without one.</summary>
    public static IReadOnlyList<int>? Read(string? split, int variants)
    {
        if (split is null) return Enumerable.Repeat(1, variants).ToList();
        var parts = split.Split('/', ':');
        var weights = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part.Trim().TrimEnd('%'), NumberStyles.None, CultureInfo.InvariantCulture, out var weight) || weight is < 1 or > 100) return null;
            weights.Add(weight);
        }

        return weights.Count == variants ? weights : null;
    }
}
