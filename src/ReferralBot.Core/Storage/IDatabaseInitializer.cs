namespace ReferralBot.Core.Storage;

/// <summary>Brings the database up to date at start (the provider's migrations); runs before anything reads it.</summary>
public interface IDatabaseInitializer
{
    Task InitializeAsync(CancellationToken cancellationToken);
}
