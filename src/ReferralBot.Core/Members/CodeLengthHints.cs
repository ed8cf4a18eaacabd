using System.Collections.Concurrent;

namespace ReferralBot.Core.Members;

/// <summary>
/// A popular first name fills its short codes (AISHA and two digits has 64). Once a whole round of candidates of one
/// length was taken, later codes for that stem start one digit longer instead of asking about the full length again.
/// One per store (a singleton), in memory only: after a restart the first code of each stem finds the lengths again.
/// </summary>
public sealed class CodeLengthHints
{
    private const int MaxStems = 10_000;
    private readonly ConcurrentDictionary<string, int> fullUpTo = new(StringComparer.Ordinal);

    /// <summary>How many digits to try first after <paramref name="stem"/>.</summary>
    public int FirstLength(string stem) => fullUpTo.TryGetValue(stem, out var full) ? full + 1 : 2;

    /// <summary>Every candidate of this length was taken.</summary>
    public void Full(string stem, int digitCount)
    {
        if (fullUpTo.Count < MaxStems || fullUpTo.ContainsKey(stem)) fullUpTo.AddOrUpdate(stem, digitCount, (_, known) => Math.Max(known, digitCount));
    }
}
