namespace ReferralBot.FakeTelegram;

/// <summary>
/// One Bot API call as the fake received it: top-level fields as text (strings unquoted, nested JSON kept raw),
/// uploaded files by field name, when it arrived (by the options' clock), and the HTTP status it was answered with.
/// </summary>
public sealed record RecordedCall(
    string Method,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, byte[]> Files,
    DateTimeOffset At,
    int Status,
    long? ChatId)
{
    /// <summary>sendMessage, sendPhoto or sendDocument.</summary>
    public bool IsSend => BotApiMethods.IsSend(Method);

    public bool Succeeded => Status == 200;

    /// <summary>The port the call came in on (<see cref="FakeBotApi.BaseUrls"/>): which of several clients made it.</summary>
    public int Via { get; init; }
}
