using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Purchases;

namespace ReferralBot.Persistence.Postgres;

/// <summary>The checks the database makes on top of the core's model, in PostgreSQL's words: money is <c>numeric</c> and compares as it is.</summary>
internal sealed class PostgresModelCustomizer(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
{
    public override void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        base.Customize(modelBuilder, context);
        modelBuilder.Entity<Purchase>().ToTable(t => t.HasCheckConstraint("CK_Purchases_Amount", "\"Amount\" > 0"));
        modelBuilder.Entity<Tier>().ToTable(t =>
        {
            t.HasCheckConstraint("CK_Tiers_MinPurchases", "\"MinPurchases\" >= 0");
            t.HasCheckConstraint("CK_Tiers_CommissionPercent", "\"CommissionPercent\" BETWEEN 0 AND 100");
        });
    }
}
