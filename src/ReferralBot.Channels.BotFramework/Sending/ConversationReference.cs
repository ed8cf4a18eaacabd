namespace ReferralBot.Channels.BotFramework.Sending;

/// <summary>What it takes to write into a conversation later: stored per channel and conversation.</summary>
public sealed record ConversationReference(string ServiceUrl, string ChannelId, string ConversationId, string? BotId, string? BotName, bool IsGroup);
