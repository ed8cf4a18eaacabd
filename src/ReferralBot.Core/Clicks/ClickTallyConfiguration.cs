using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Links;
using ReferralBot.Core.Members;

namespace ReferralBot.Core.Clicks;

internal sealed class ClickTallyConfiguration : IEntityTypeConfiguration<ClickTally>, IEntityTypeConfiguration<ClickVisitor>
{
    public void Configure(EntityTypeBuilder<ClickTally> builder)
    {
        builder.ToTable("ClickTallies");
        builder.HasKey(t => new { t.MemberId, t.Kind, t.Source });
        builder.Property(t => t.Source).HasMaxLength(LinkSource.MaxLength);
        builder.HasIndex(t => t.CampaignId);
        builder.HasOne<Member>().WithMany().HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(t => t.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ClickVisitor> builder)
    {
        builder.ToTable("ClickVisitors");
        builder.HasKey(v => new { v.MemberId, v.Kind, v.Source, v.Visitor });
        builder.Property(v => v.Source).HasMaxLength(LinkSource.MaxLength);
        builder.Property(v => v.Visitor).HasMaxLength(32);
    }
}
