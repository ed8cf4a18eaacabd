using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Members;

/// <summary>
/// Short, memorable customer codes: the first name and two digits (ALEX42). Digits come from 2–9 only, so no
/// 0 or 1 can be mistaken for O, I or L; more digits are added only when the short forms are (all but) taken.
/// </summary>
public sealed class CustomerCodeGenerator(ReferralBotDbContext db, CodeLengthHints hints)
{
    private const string Digits = "23456789";
    /// <summary>How many candidates of each length are checked at once, at most.</summary>
    public const int TriesPerLength = 6;

    public Task<string> GenerateAsync(string displayName, CancellationToken cancellationToken) =>
        GenerateAsync(displayName, hints, async candidates =>
            await db.Codes.Where(c => candidates.Contains(c.Value)).Select(c => c.Value).ToListAsync(cancellationToken));

    /// <summary>The same codes, checked against the store by <paramref name="takenAsync"/> (which of these exist?).</summary>
    public static async Task<string> GenerateAsync(string displayName, CodeLengthHints hints, Func<List<string>, Task<List<string>>> takenAsync)
    {
        var random = Random.Shared;
        var stem = CodeStem.From(displayName, random);
        for (var digitCount = hints.FirstLength(stem); ; digitCount++)
        {
            var candidates = Enumerable.Range(0, TriesPerLength)
                .Select(_ => stem + RandomDigits(random, digitCount))
                .Where(c => c.Length <= CodeFormat.MaxLength)
                .Distinct()
                .ToList();
            if (candidates.Count == 0)
            {
                stem = stem[..^1];
                continue;
            }

            var taken = await takenAsync(candidates);
            var free = candidates.FirstOrDefault(c => !taken.Contains(c));
            if (free is not null) return free;
            hints.Full(stem, digitCount);
        }
    }

    private static string RandomDigits(Random random, int count) =>
        string.Create(count, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = Digits[r.Next(Digits.Length)];
        });
}
