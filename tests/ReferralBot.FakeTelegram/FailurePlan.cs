namespace ReferralBot.FakeTelegram;

/// <summary>Errors a test asked for: the next N calls of a method (to one chat, or any) answer with them.</summary>
internal sealed class FailurePlan
{
    private readonly Lock gate = new();
    private readonly List<Rule> rules = [];

    public void Add(string method, int status, string description, int? retryAfter, long? chatId, int times)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        lock (gate) rules.Add(new Rule(BotApiMethods.Canonical(method), chatId, status, description, retryAfter) { Remaining = times });
    }

    /// <summary>The error this call is to get, if any (and it is then used up).</summary>
    public BotApiAnswer? Take(string method, long? chatId)
    {
        lock (gate)
        {
            var rule = rules.Find(r => r.Method == method && (r.ChatId is null || r.ChatId == chatId));
            if (rule is null) return null;
            if (--rule.Remaining == 0) rules.Remove(rule);
            return BotApiAnswer.Error(rule.Status, rule.Description, rule.RetryAfter ?? (rule.Status == 429 ? 1 : null));
        }
    }

    private sealed record Rule(string Method, long? ChatId, int Status, string Description, int? RetryAfter)
    {
        public int Remaining { get; set; }
    }
}
