using System.Text.Json;

namespace ReferralBot.FakeBotFramework;

/// <summary>
/// One call to the connector as the fake received it: the conversation (URL-decoded), the activity replied to (null
/// for a send to the conversation), the activity posted (Undefined when the body was not JSON), the bearer token (null
/// when absent), when it arrived (by the options' clock), and the status it was answered with.
/// </summary>
public sealed record ConnectorCall(
    string ConversationId,
    string? ReplyToId,
    JsonElement Activity,
    string? BearerToken,
    DateTimeOffset At,
    int Status)
{
    /// <summary>The id the fake answered with ({"id":…}); null when the call failed.</summary>
    public string? ActivityId { get; init; }

    public bool Succeeded => Status == 200;

    /// <summary>The activity's "type" (e.g. "message"), if any.</summary>
    public string? Type => Field("type");

    /// <summary>The activity's "text", if any.</summary>
    public string? Text => Field("text");

    private string? Field(string name) =>
        Activity.ValueKind == JsonValueKind.Object && Activity.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
