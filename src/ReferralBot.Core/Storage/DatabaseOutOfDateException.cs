namespace ReferralBot.Core.Storage;

/// <summary>The start was refused: the database lacks migrations and this instance may not apply them.</summary>
public sealed class DatabaseOutOfDateException(string message) : InvalidOperationException(message);
