using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Links;
using ReferralBot.Core.Members;

namespace ReferralBot.Core.Clicks;

internal sealed class ClickConfiguration : IEntityTypeConfiguration<Click>
{
    public void Configure(EntityTypeBuilder<Click> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(CodeFormat.MaxLength);
        builder.Property(c => c.Source).HasMaxLength(LinkSource.MaxLength);
        builder.Property(c => c.Visitor).HasMaxLength(32);
        builder.HasIndex(c => new { c.MemberId, c.OccurredAt });
        builder.HasIndex(c => new { c.CampaignId, c.OccurredAt });
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(c => c.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}
