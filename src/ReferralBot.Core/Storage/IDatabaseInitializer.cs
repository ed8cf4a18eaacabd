namespace ReferralBot.Core.Storage;

/// <summary>A provider's start-up work on a migrated database (SQLite: WAL mode); runs before anything reads it.</summary>
public interface IDatabaseInitializer
{
    Task InitializeAsync(CancellationToken cancellationToken);
}
