namespace ReferralBot.Core.Secrets;

/// <summary>
/// A random value the service made for itself once and keeps in the database, so that restarts (and several
/// instances on one database) agree on it. Never shown, never logged.
/// </summary>
public sealed class StoredSecret
{
    public required string Name { get; init; }
    public required byte[] Value { get; init; }
    public DateTime CreatedAt { get; init; }
}
