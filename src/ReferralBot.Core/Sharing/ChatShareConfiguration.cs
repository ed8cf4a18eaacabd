using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Members;

namespace ReferralBot.Core.Sharing;

internal sealed class ChatShareConfiguration : IEntityTypeConfiguration<ChatShare>
{
    public void Configure(EntityTypeBuilder<ChatShare> builder)
    {
        builder.ToTable("ChatShares");
        builder.Property(s => s.Channel).HasMaxLength(32);
        builder.Property(s => s.DeliveryId).HasMaxLength(64);
        builder.HasIndex(s => new { s.Channel, s.DeliveryId }).IsUnique();
        builder.HasIndex(s => s.MemberId);
        builder.HasIndex(s => s.CampaignId);
        builder.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}
