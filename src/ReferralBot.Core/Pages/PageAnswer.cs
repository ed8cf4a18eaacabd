namespace ReferralBot.Core.Pages;

/// <summary>What <c>/p/{code}</c> answers: the page, a move to the code's tracked link, or nothing to show.</summary>
public abstract record PageAnswer
{
    public static PageAnswer Missing { get; } = new NotFound();

    public sealed record Page(string Html) : PageAnswer;

    public sealed record Moved(string Url) : PageAnswer;

    public sealed record NotFound : PageAnswer;
}
