using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Payouts;
using ReferralBot.Core.Purchases;
using ReferralBot.Persistence.Relational.Experiments;

namespace ReferralBot.Persistence.Sqlite;

/// <summary>
/// The SQL of the checks the database makes on top of the core's model, in SQLite's words: decimals are TEXT here, so
/// checks on money compare them as numbers (<c>CAST … AS REAL</c>); PostgreSQL's <c>numeric</c> compares as it is.
/// </summary>
internal sealed class SqliteModelCustomizer(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
{
    public override void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        base.Customize(modelBuilder, context);
        modelBuilder.Entity<Purchase>().ToTable(t => t.HasCheckConstraint("CK_Purchases_Amount", "CAST(\"Amount\" AS REAL) > 0"));
        modelBuilder.Entity<PayoutLine>().ToTable(t => t.HasCheckConstraint("CK_PayoutLines_Amount", "CAST(\"Amount\" AS REAL) > 0"));
        modelBuilder.Entity<Tier>().ToTable(t =>
        {
            t.HasCheckConstraint("CK_Tiers_MinPurchases", "\"MinPurchases\" >= 0");
            t.HasCheckConstraint("CK_Tiers_CommissionPercent", "CAST(\"CommissionPercent\" AS REAL) BETWEEN 0 AND 100");
        });
        RunningExperimentIndex.Configure(modelBuilder);
    }
}
