namespace ReferralBot.Core.Conversation;

public sealed record TextReply(string Html, IReadOnlyList<ReplyButton> Buttons) : Reply;
