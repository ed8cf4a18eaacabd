using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReferralBot.Channels.BotFramework.Activities;

/// <summary>The part of the Bot Framework v3 Activity schema this bot reads and writes.</summary>
public sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public string? TextFormat { get; init; }
    public string? Text { get; init; }
    public string? Locale { get; init; }
    public string? Name { get; init; }
    public JsonElement? Value { get; init; }
    public string? ReplyToId { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public string? AttachmentLayout { get; init; }
    public SuggestedActions? SuggestedActions { get; init; }
    public IReadOnlyList<JsonElement>? Entities { get; init; }

    public static class Types
    {
        public const string Message = "message";
        public const string ConversationUpdate = "conversationUpdate";
        public const string Invoke = "invoke";
    }
}

public sealed record ChannelAccount(string? Id, string? Name);

public sealed record ConversationAccount(string? Id, bool? IsGroup = null, string? ConversationType = null, string? TenantId = null);

public sealed record Attachment(string ContentType, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ContentUrl = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] object? Content = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name = null);

public sealed record SuggestedActions(IReadOnlyList<CardAction> Actions, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? To = null);

/// <summary>A button: <c>imBack</c> posts its value back as the user's message, <c>openUrl</c> opens a link.</summary>
public sealed record CardAction(string Type, string Title, object Value);

/// <summary>A hero card: text and buttons in one attachment, where suggested actions are not shown (Teams).</summary>
public sealed record HeroCard([property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Text, IReadOnlyList<CardAction> Buttons);
