namespace ReferralBot.Core.Cluster;

/// <summary>This process among the instances that share the store: a new id at every start.</summary>
public sealed class ThisInstance
{
    public string Id { get; } = Guid.NewGuid().ToString("N");
}
