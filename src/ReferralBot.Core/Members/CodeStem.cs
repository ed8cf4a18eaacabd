using System.Globalization;
using System.Text;

namespace ReferralBot.Core.Members;

/// <summary>The memorable start of a generated code: the first name, in plain capitals (Zoë Tan → ZOE).</summary>
internal static class CodeStem
{
    private const int MaxLetters = 8;

    // Words anyone can read aloud, for names with no usable Latin letters (李明, 🙂, "A").
    private static readonly string[] Fallbacks =
        ["SUNNY", "MANGO", "LOTUS", "PEARL", "COMET", "MAPLE", "CORAL", "RIVER", "HONEY", "TIGER", "PANDA", "BERRY"];

    public static string From(string displayName, Random random)
    {
        foreach (var word in Words(displayName))
        {
            if (word.Length >= 2) return word.Length > MaxLetters ? word[..MaxLetters] : word;
        }

        return Fallbacks[random.Next(Fallbacks.Length)];
    }

    private static string[] Words(string displayName)
    {
        var plain = new StringBuilder();
        foreach (var ch in displayName.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            var upper = char.ToUpperInvariant(ch);
            plain.Append(upper is >= 'A' and <= 'Z' ? upper : ' ');
        }

        return plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
