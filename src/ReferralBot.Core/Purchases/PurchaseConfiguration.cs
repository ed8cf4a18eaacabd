using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Members;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Purchases;

internal sealed class PurchaseConfiguration : IEntityTypeConfiguration<Purchase>
{
    public void Configure(EntityTypeBuilder<Purchase> builder)
    {
        builder.ToTable("Purchases");
        AppendOnly.Mark(builder);
        builder.Property(p => p.OrderId).HasMaxLength(100);
        // The idempotency key: a replayed or concurrent duplicate loses this race, it never counts twice.
        builder.HasIndex(p => p.OrderId).IsUnique();
        builder.Property(p => p.Amount).HasPrecision(18, 2);
        builder.Property(p => p.Discount).HasPrecision(18, 2);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.Code).HasMaxLength(CodeFormat.MaxLength);
        builder.Property(p => p.Reference).HasMaxLength(100);
        builder.Property(p => p.Source).HasMaxLength(ReferralBot.Core.Links.LinkSource.MaxLength);
        builder.Property(p => p.CustomerChannel).HasMaxLength(32);
        builder.Property(p => p.CustomerUserId).HasMaxLength(128);
        builder.Property(p => p.NotCreditedReason).HasMaxLength(40);
        builder.Property(p => p.ReportedBy).HasMaxLength(200);
        builder.Ignore(p => p.Credited);
        builder.HasIndex(p => new { p.ReferrerMemberId, p.NotCreditedReason });
        // Covers every report and leaderboard query over a campaign's purchases, so they never touch the table.
        builder.HasIndex(p => new { p.CampaignId, p.NotCreditedReason, p.ReferrerMemberId, p.Amount, p.Source, p.OccurredAt, p.BuyerMemberId })
            .HasDatabaseName("IX_Purchases_Reporting");
        builder.HasIndex(p => new { p.CampaignId, p.OccurredAt });
        builder.HasIndex(p => p.BuyerMemberId);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(p => p.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.ReferrerMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.BuyerMemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
