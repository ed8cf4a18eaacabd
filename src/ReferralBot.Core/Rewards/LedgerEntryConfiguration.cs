using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Members;

namespace ReferralBot.Core.Rewards;

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ToTable("LedgerEntries");
        Storage.AppendOnly.Mark(builder);
        builder.Property(e => e.Key).HasMaxLength(160);
        // Idempotency: the same reward (or reversal) can be written once, whatever retries or races happen.
        builder.HasIndex(e => e.Key).IsUnique();
        builder.HasIndex(e => e.ReversesEntryId).IsUnique();
        builder.HasIndex(e => new { e.MemberId, e.CampaignId, e.Kind });
        builder.HasIndex(e => new { e.CampaignId, e.Kind });
        builder.HasIndex(e => e.PurchaseId);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Amount).HasPrecision(18, 2);
        builder.Property(e => e.Currency).HasMaxLength(3);
        builder.Property(e => e.RatePercent).HasPrecision(5, 2);
        builder.Property(e => e.TierName).HasMaxLength(32);
        builder.HasOne(e => e.Purchase).WithMany().HasForeignKey(e => e.PurchaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(e => e.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LedgerEntry>().WithOne().HasForeignKey<LedgerEntry>(e => e.ReversesEntryId).OnDelete(DeleteBehavior.Restrict);
    }
}
