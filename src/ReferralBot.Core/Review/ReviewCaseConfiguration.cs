using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralBot.Core.Claims;
using ReferralBot.Core.Members;
using ReferralBot.Core.Purchases;

namespace ReferralBot.Core.Review;

internal sealed class ReviewCaseConfiguration : IEntityTypeConfiguration<ReviewCase>
{
    public const int MaxEvidence = 500;

    public void Configure(EntityTypeBuilder<ReviewCase> builder)
    {
        builder.ToTable("ReviewCases");
        builder.Property(c => c.Key).HasMaxLength(200);
        builder.HasIndex(c => c.Key).IsUnique();
        builder.Property(c => c.Rule).HasMaxLength(40);
        builder.Property(c => c.Evidence).HasMaxLength(MaxEvidence);
        builder.Property(c => c.DecidedBy).HasMaxLength(200);
        builder.Property(c => c.Reason).HasMaxLength(200);
        builder.HasIndex(c => new { c.CampaignId, c.State, c.CreatedAt });
        builder.HasIndex(c => new { c.PurchaseId, c.State });
        builder.HasIndex(c => new { c.ClaimId, c.State });
        builder.HasIndex(c => new { c.MemberId, c.State });
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Claim>().WithMany().HasForeignKey(c => c.ClaimId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Purchase>().WithMany().HasForeignKey(c => c.PurchaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
