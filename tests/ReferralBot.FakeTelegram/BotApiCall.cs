using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReferralBot.FakeTelegram;

/// <summary>A Bot API call being answered: its canonical method name, fields and files, and when it arrived.</summary>
internal sealed record BotApiCall(
    string Method,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, UploadedPart> Files,
    DateTimeOffset At)
{
    public long? ChatId => Long("chat_id");

    public string? this[string name] => Parameters.GetValueOrDefault(name);

    public long? Long(string name) =>
        Parameters.TryGetValue(name, out var value) && long.TryParse(value, CultureInfo.InvariantCulture, out var number) ? number : null;

    public bool Flag(string name) => string.Equals(this[name], "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A field that holds JSON (reply_markup, allowed_updates); null when absent or not JSON.</summary>
    public JsonNode? Json(string name)
    {
        if (this[name] is not { } text) return null;
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public RecordedCall Record(int status) =>
        new(Method, Parameters, Files.ToDictionary(f => f.Key, f => f.Value.Bytes), At, status, ChatId);
}
