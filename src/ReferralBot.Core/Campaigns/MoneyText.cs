using System.Globalization;

namespace ReferralBot.Core.Campaigns;

/// <summary>An amount as every chat message and report shows it: <c>1,100.00 SGD</c>.</summary>
public static class MoneyText
{
    public static string Format(decimal amount, string currency) => $"{amount.ToString("N2", CultureInfo.InvariantCulture)} {currency}";
}
