using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Members;

/// <summary>
/// Finds the code someone probably meant when they mistyped one: one letter wrong, missing, extra or two
/// swapped, or a look-alike (0/O, 1/I/L, 5/S, 8/B). The candidates are generated and looked up by the unique
/// key, so this stays one indexed query however many codes exist. When two codes are equally close, it
/// suggests neither.
/// </summary>
public sealed class CodeSuggester(ReferralBotDbContext db)
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private static readonly Dictionary<char, string> LookAlikes = new()
    {
        ['0'] = "O", ['O'] = "0", ['1'] = "IL", ['I'] = "1L", ['L'] = "1I", ['5'] = "S", ['S'] = "5", ['8'] = "B", ['B'] = "8",
    };

    public async Task<string?> SuggestAsync(string normalizedCode, CancellationToken cancellationToken)
    {
        var ranked = Variants(normalizedCode)
            .Where(v => v.Code.Length is >= CodeFormat.MinLength and <= CodeFormat.MaxLength && v.Code != normalizedCode)
            .GroupBy(v => v.Code)
            .Select(g => (Code: g.Key, Rank: g.Min(v => v.Rank)))
            .ToList();
        var codes = ranked.Select(r => r.Code).ToList();
        var existing = await db.Codes.Where(c => codes.Contains(c.Value)).Select(c => c.Value).ToListAsync(cancellationToken);
        if (existing.Count == 0) return null;

        var best = ranked.Where(r => existing.Contains(r.Code)).OrderBy(r => r.Rank).ToList();
        return best.Count == 1 || best[0].Rank < best[1].Rank ? best[0].Code : null;
    }

    private static IEnumerable<(string Code, int Rank)> Variants(string code)
    {
        for (var i = 0; i < code.Length; i++)
        {
            if (LookAlikes.TryGetValue(code[i], out var alikes))
            {
                foreach (var alike in alikes) yield return (Replace(code, i, alike), 0);
            }

            if (i + 1 < code.Length) yield return (code[..i] + code[i + 1] + code[i] + code[(i + 2)..], 1);
            yield return (code.Remove(i, 1), 2);
            foreach (var letter in Alphabet) yield return (Replace(code, i, letter), 3);
        }

        for (var i = 0; i <= code.Length; i++)
        {
            foreach (var letter in Alphabet) yield return (code.Insert(i, letter.ToString()), 3);
        }
    }

    private static string Replace(string code, int index, char letter) =>
        string.Create(code.Length, (code, index, letter), (span, s) =>
        {
            s.code.AsSpan().CopyTo(span);
            span[s.index] = s.letter;
        });
}
