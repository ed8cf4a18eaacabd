using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Members;

namespace ReferralBot.Core.Claims;

internal sealed class ClaimConfiguration : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(CodeFormat.MaxLength);
        // One referrer per customer per campaign (a member belongs to one campaign): the first claim wins,
        // a second insert fails.
        builder.HasIndex(c => c.ReferredMemberId).IsUnique();
        builder.HasIndex(c => c.CampaignId);
        builder.HasIndex(c => new { c.ReferrerMemberId, c.ClaimedAt });
        builder.HasOne<Campaign>().WithMany().HasForeignKey(c => c.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.ReferredMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.ReferrerMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ReferralCode>().WithMany().HasForeignKey(c => c.Code).OnDelete(DeleteBehavior.Restrict);
    }
}
