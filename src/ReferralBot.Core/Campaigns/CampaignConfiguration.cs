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
        builder.Property(c => c.Language).HasMaxLength(16);
        builder.Property(c => c.Offer).HasMaxLength(200);
        builder.Property(c => c.Discount).HasMaxLength(40);
        builder.Property(c => c.ReferrerReward).HasPrecision(18, 2);
        builder.Property(c => c.CommissionPercent).HasPrecision(5, 2);
        builder.Property(c => c.FlatFee).HasPrecision(18, 2);
        builder.Property(c => c.TimeZone).HasMaxLength(64);
        builder.Property(c => c.Terms).HasMaxLength(2000);
        builder.Property(c => c.ShareText).HasMaxLength(Members.VoiceText.MaxLength);
        builder.Property(c => c.ThankYouTemplate).HasMaxLength(CampaignSettings.MaxTemplateLength);
        builder.Property(c => c.ShareAgainTemplate).HasMaxLength(CampaignSettings.MaxTemplateLength);
        // At most one campaign is the chat-chosen default.
        builder.HasIndex(c => c.IsDefault).IsUnique().HasFilter("\"IsDefault\"").HasDatabaseName("IX_Campaigns_Default");
        builder.ToTable(t => t.HasCheckConstraint("CK_Campaigns_Slug_lower", "\"Slug\" = lower(\"Slug\")"));
    }
}
