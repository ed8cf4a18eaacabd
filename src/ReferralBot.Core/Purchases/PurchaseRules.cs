namespace ReferralBot.Core.Purchases;

/// <summary>
/// What a reported purchase may say, whoever reports it (the shop's webhook or <c>/confirm</c>): amounts in a range
/// with cents at most, a discount no larger than the amount, an order id of printable text. Each check answers null
/// when fine, else the problem in words a shop's developer can act on.
/// </summary>
public static class PurchaseRules
{
    /// <summary>The most one order may be for; far above any real order, far below what sums could overflow.</summary>
    public const decimal MaxAmount = 100_000_000m;

    public const int MaxOrderIdLength = 100;

    /// <summary>No purchase is older than this (a default date, year 1, is a bug in the sender, not an order).</summary>
    public static readonly DateTime Earliest = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static string? OrderIdProblem(string? orderId) =>
        string.IsNullOrWhiteSpace(orderId) || orderId.Length > MaxOrderIdLength || orderId.Any(char.IsControl)
            ? $"Required: the shop's order id, 1 to {MaxOrderIdLength} printable characters."
            : null;

    public static string? AmountProblem(decimal? amount) =>
        amount is not > 0m || amount > MaxAmount || !HasCentsAtMost(amount.Value)
            ? $"Required: a number more than 0 and at most {MaxAmount:0}, with at most two decimals."
            : null;

    /// <summary>0 is allowed: shops send their discount total, 0.00 on an order without one.</summary>
    public static string? DiscountProblem(decimal? discount, decimal? amount) => discount switch
    {
        null => null,
        < 0m => "At least 0, with at most two decimals.",
        { } d when !HasCentsAtMost(d) => "At least 0, with at most two decimals.",
        { } d when amount is { } a && d > a => "At most the amount: a discount cannot be larger than what was paid.",
        { } d when d > MaxAmount => $"At most {MaxAmount:0}.",
        _ => null,
    };

    /// <summary>Not before <see cref="Earliest"/>, and no later than <paramref name="latest"/> (now plus the allowed clock skew).</summary>
    public static string? OccurredAtProblem(DateTime occurredAtUtc, DateTime latest) =>
        occurredAtUtc < Earliest ? $"Must be after {Earliest:yyyy-MM-dd}."
        : occurredAtUtc > latest ? "Must not be in the future."
        : null;

    private static bool HasCentsAtMost(decimal amount) => decimal.Round(amount, 2) == amount;
}
