using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Outbound;
using ReferralBot.Core.Payouts;
using ReferralBot.Core.Purchases;
using ReferralBot.Persistence.Relational.Experiments;

namespace ReferralBot.Persistence.Postgres;

/// <summary>
/// The checks the database makes on top of the core's model, in PostgreSQL's words (money is <c>numeric</c> and
/// compares as it is), and the index only instances sharing the store ask: is a message its chat's first unsettled one?
/// </summary>
internal sealed class PostgresModelCustomizer(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
{
    public override void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        base.Customize(modelBuilder, context);
        modelBuilder.Entity<Purchase>().ToTable(t => t.HasCheckConstraint("CK_Purchases_Amount", "\"Amount\" > 0"));
        modelBuilder.Entity<PayoutLine>().ToTable(t => t.HasCheckConstraint("CK_PayoutLines_Amount", "\"Amount\" > 0"));
        modelBuilder.Entity<Tier>().ToTable(t =>
        {
            t.HasCheckConstraint("CK_Tiers_MinPurchases", "\"MinPurchases\" >= 0");
            t.HasCheckConstraint("CK_Tiers_CommissionPercent", "\"CommissionPercent\" BETWEEN 0 AND 100");
        });
        modelBuilder.Entity<OutboxMessage>().HasIndex(m => new { m.Channel, m.ChatId, m.DueAt, m.Id })
            .HasFilter("\"SentAt\" IS NULL AND \"DroppedAt\" IS NULL").HasDatabaseName("IX_Outbox_PendingByChat");
        RunningExperimentIndex.Configure(modelBuilder);
    }
}
