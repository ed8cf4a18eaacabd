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
        // Nothing else indexes clicks: every count comes from the click tallies, so each click costs as few b-tree
        // writes as it can (the row and the member's history for /stats' "last one").
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(c => c.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}
