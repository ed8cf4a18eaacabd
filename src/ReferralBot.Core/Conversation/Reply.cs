namespace ReferralBot.Core.Conversation;

/// <summary>
/// Something the bot says back. Text is formatted with a small HTML subset (b, i, u, s, code, pre, a href)
/// in which everything user-provided is already escaped; each channel renders it its own way.
/// </summary>
public abstract record Reply;
