namespace ReferralBot.FakeBotFramework;

/// <summary>Errors a test asked for: the next N authorized connector calls answer with them, in the order asked.</summary>
internal sealed class FailurePlan
{
    private readonly Lock gate = new();
    private readonly Queue<Rule> rules = [];

    public void Add(int status, int times, TimeSpan? retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        if (retryAfter is { } delay) ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero, nameof(retryAfter));
        var seconds = retryAfter is { } wait ? (int)Math.Ceiling(wait.TotalSeconds) : (int?)null;
        lock (gate) rules.Enqueue(new Rule(status, seconds) { Remaining = times });
    }

    /// <summary>The error this call is to get, if any (and it is then used up).</summary>
    public ChannelAnswer? Take()
    {
        lock (gate)
        {
            if (!rules.TryPeek(out var rule)) return null;
            if (--rule.Remaining == 0) rules.Dequeue();
            var message = rule.Status == 429 ? "Too many requests: the bot is being throttled." : "The fake channel was told to fail this call.";
            return ChannelAnswer.ConnectorError(rule.Status, message, rule.RetryAfterSeconds);
        }
    }

    private sealed record Rule(int Status, int? RetryAfterSeconds)
    {
        public int Remaining { get; set; }
    }
}
