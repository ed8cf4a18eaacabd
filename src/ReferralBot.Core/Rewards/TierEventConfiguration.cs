using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Members;

namespace ReferralBot.Core.Rewards;

internal sealed class TierEventConfiguration : IEntityTypeConfiguration<TierEvent>
{
    public void Configure(EntityTypeBuilder<TierEvent> builder)
    {
        builder.ToTable("TierEvents");
        builder.Property(e => e.TierName).HasMaxLength(32);
        builder.Property(e => e.OrderId).HasMaxLength(100);
        builder.Property(e => e.CommissionPercent).HasPrecision(5, 2);
        // Congratulated once per tier, even when two purchases cross it at the same moment.
        builder.HasIndex(e => new { e.MemberId, e.TierName }).IsUnique();
        builder.HasOne<Campaign>().WithMany().HasForeignKey(e => e.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
