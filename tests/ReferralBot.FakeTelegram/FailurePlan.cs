namespace ReferralBot.FakeTelegram;

/// <summary>Errors a test asked for: the next N calls of a method (to a chat) answer with them.</summary>
internal sealed class FailurePlan
{
    private readonly Lock gate = new();
    private readonly List<Rule> rules = [];

    public void Add(string method, int status, string description, int? retryAfter, long? chatId, int times)
    {
        lock (gate) rules.Add(new Rule(method, chatId, status, description, retryAfter) { Remaining = times });
    }

    public Rule? Take(string method, long? chatId)
    {
        lock (gate)
        {
            var rule = rules.FirstOrDefault(r => r.Remaining > 0 && string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)
                && (r.ChatId is null || r.ChatId == chatId));
            if (rule is not null) rule.Remaining--;
            return rule;
        }
    }

    public sealed record Rule(string Method, long? ChatId, int Status, string Description, int? RetryAfter)
    {
        public int Remaining { get; set; }
    }
}
