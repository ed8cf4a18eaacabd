using System.Text.RegularExpressions;

namespace ReferralBot.Core.Payouts;

/// <summary>
/// Reads what follows <c>/payto</c>: <c>paynow +65 9123 4567</c> (or a UEN), <c>paypal jane@example.com</c>,
/// <c>bank Jane Tan; DBS; 123-456789-0</c>. Each form is checked whole; the problem names what was expected.
/// </summary>
public static partial class PayoutDetailsParser
{
    public const int MaxEmailLength = 254;
    public const int MaxNameLength = 140;
    public const int MaxBankLength = 60;

    /// <summary>The details, or null with the problem: <c>method</c>, <c>paynow</c>, <c>paypal</c>, <c>bank-parts</c>, <c>bank-name</c>, <c>bank-bank</c>, <c>bank-number</c>.</summary>
    public static PayoutDetails? Parse(string method, string value, out string? problem)
    {
        value = value.Trim();
        var printable = !value.Any(Unprintable);
        PayoutDetails? details = null;
        switch (method.ToLowerInvariant())
        {
            case "paynow":
                details = printable ? PayNow(value) : null;
                problem = details is null ? "paynow" : null;
                break;
            case "paypal":
                details = printable && value.Length <= MaxEmailLength && Email().IsMatch(value) ? new PayoutDetails(PayoutMethod.PayPal, value) : null;
                problem = details is null ? "paypal" : null;
                break;
            case "bank":
                if (printable) details = Bank(value, out problem);
                else problem = "bank-parts";
                break;
            default:
                problem = "method";
                break;
        }

        return details;
    }

    // A Singapore mobile (+65, then 8 digits starting 8 or 9; "+65" may be left off), or a UEN in one of its three forms.
    private static PayoutDetails? PayNow(string value)
    {
        var compact = Separators().Replace(value, "").ToUpperInvariant();
        if (Mobile().Match(compact) is { Success: true } mobile) return new PayoutDetails(PayoutMethod.PayNow, "+65" + mobile.Groups["number"].Value);
        return Uen().IsMatch(compact) ? new PayoutDetails(PayoutMethod.PayNow, compact) : null;
    }

    private static PayoutDetails? Bank(string value, out string? problem)
    {
        var parts = value.Split(';', StringSplitOptions.TrimEntries);
        problem = parts.Length != 3 ? "bank-parts"
            : parts[0].Length is 0 or > MaxNameLength ? "bank-name"
            : parts[1].Length is 0 or > MaxBankLength ? "bank-bank"
            : !AccountNumber().IsMatch(Separators().Replace(parts[2], "")) ? "bank-number"
            : null;
        return problem is null ? new PayoutDetails(PayoutMethod.Bank, Separators().Replace(parts[2], ""), parts[0], parts[1]) : null;
    }

    // Controls and the invisible format characters (bidi overrides, zero-width) have no place in an account.
    private static bool Unprintable(char c) =>
        char.IsControl(c) || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;

    [GeneratedRegex(@"[\s\-]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^(\+?65)?(?<number>[89]\d{7})$")]
    private static partial Regex Mobile();

    // Businesses (8 digits and a check letter), local companies (year, 5 digits, letter), other entities (R/S/T and
    // a 2-digit year, a 2-letter entity type, 4 digits, letter).
    [GeneratedRegex(@"^(\d{8}[A-Z]|(18|19|20)\d{7}[A-Z]|[RST]\d{2}[A-Z]{2}\d{4}[A-Z])$")]
    private static partial Regex Uen();

    // Starting with a letter or digit: nothing in a payout file can then be read as a spreadsheet formula.
    [GeneratedRegex(@"^[A-Za-z0-9][^@\s;<>""]*@[^@\s;<>""]+\.[A-Za-z]{2,}$")]
    private static partial Regex Email();

    // Singapore's banks use 9 to 14 digits; 6 to 20 leaves room for others.
    [GeneratedRegex(@"^\d{6,20}$")]
    private static partial Regex AccountNumber();
}
