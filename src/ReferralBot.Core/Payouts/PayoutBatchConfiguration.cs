using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralBot.Core.Campaigns;

namespace ReferralBot.Core.Payouts;

internal sealed class PayoutBatchConfiguration : IEntityTypeConfiguration<PayoutBatch>
{
    public void Configure(EntityTypeBuilder<PayoutBatch> builder)
    {
        builder.ToTable("PayoutBatches");
        // Two runs at once take the same next number: one of them fails here and works its batch out again.
        builder.HasIndex(b => b.Number).IsUnique();
        builder.HasIndex(b => new { b.CampaignId, b.State });
        builder.Property(b => b.Currency).HasMaxLength(3);
        builder.Property(b => b.Total).HasPrecision(18, 2);
        // Marked paid or cancelled once: the update only lands while the batch is still open.
        builder.Property(b => b.State).HasConversion<string>().HasMaxLength(10).IsConcurrencyToken();
        builder.Property(b => b.CreatedBy).HasMaxLength(170);
        builder.Property(b => b.SettledBy).HasMaxLength(170);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(b => b.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(b => b.Lines).WithOne(l => l.Batch).HasForeignKey(l => l.BatchId).OnDelete(DeleteBehavior.Restrict);
    }
}
