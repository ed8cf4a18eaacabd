using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ReferralBot.Core.Campaigns;

internal sealed class TierConfiguration : IEntityTypeConfiguration<Tier>
{
    public void Configure(EntityTypeBuilder<Tier> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(32);
        builder.Property(t => t.CommissionPercent).HasPrecision(5, 2);
        // One tier per name and per threshold in a campaign, so the ladder is never ambiguous.
        builder.HasIndex(t => new { t.CampaignId, t.Name }).IsUnique();
        builder.HasIndex(t => new { t.CampaignId, t.MinPurchases }).IsUnique();
        builder.HasOne<Campaign>().WithMany().HasForeignKey(t => t.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable("Tiers");
    }
}
