using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReferralBot.Channels.BotFramework.Activities;

/// <summary>Activities as the Connector speaks them: camelCase, nulls left out.</summary>
public static class ActivityJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
