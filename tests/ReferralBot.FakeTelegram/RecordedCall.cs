namespace ReferralBot.FakeTelegram;

/// <summary>One Bot API call as the fake received it: top-level fields as text (nested JSON kept raw), uploaded files, and what it answered.</summary>
public sealed record RecordedCall(
    string Method,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, byte[]> Files,
    DateTimeOffset At,
    int Status,
    long? ChatId)
{
    public bool IsSend => Method is "sendMessage" or "sendPhoto" or "sendDocument";
}
