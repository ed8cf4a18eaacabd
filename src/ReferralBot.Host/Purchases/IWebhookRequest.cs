namespace ReferralBot.Host.Purchases;

/// <summary>A webhook body: says, for each of its fields, the form it expects (for the 400 when a value is of the wrong type).</summary>
public interface IWebhookRequest
{
    static abstract IReadOnlyDictionary<string, string> Forms { get; }
}
