using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ReferralBot.Core.Campaigns;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.Property(c => c.Slug).HasMaxLength(CampaignSlug.MaxLength);
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.LandingUrl).HasMaxLength(2000);
        builder.Property(c => c.Currency).HasMaxLength(3);
        builder.ToTable(t => t.HasCheckConstraint("CK_Campaigns_Slug_lower", "\"Slug\" = lower(\"Slug\")"));
    }
}
