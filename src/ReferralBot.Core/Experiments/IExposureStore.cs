using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Experiments;

/// <summary>Records an exposure unless the person has one in the experiment already (the provider brings the SQL).</summary>
public interface IExposureStore
{
    /// <summary>Inserts the exposure on <paramref name="db"/>'s connection (and transaction, when one is open); a second one is a no-op.</summary>
    Task RecordAsync(ReferralBotDbContext db, ExperimentExposure exposure, CancellationToken cancellationToken);
}
