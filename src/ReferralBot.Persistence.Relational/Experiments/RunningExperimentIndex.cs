using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Experiments;

namespace ReferralBot.Persistence.Relational.Experiments;

/// <summary>
/// One running experiment per setting of a campaign (two would each claim the same people): a unique index over the
/// running ones only, its filter in the SQL both providers speak.
/// </summary>
public static class RunningExperimentIndex
{
    public static void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Experiment>().HasIndex(e => new { e.CampaignId, e.Setting }).IsUnique()
            .HasFilter($"\"State\" = {(int)ExperimentState.Running}").HasDatabaseName("IX_Experiments_Running");
}
