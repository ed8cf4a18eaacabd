using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Members;

namespace ReferralBot.Core.Nudges;

internal sealed class NudgeConfiguration : IEntityTypeConfiguration<Nudge>
{
    public void Configure(EntityTypeBuilder<Nudge> builder)
    {
        builder.ToTable("Nudges");
        builder.Property(n => n.Key).HasMaxLength(160);
        // One nudge per purchase and kind (and per member and tier), however often the purchase is confirmed.
        builder.HasIndex(n => n.Key).IsUnique();
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.State).HasConversion<string>().HasMaxLength(12);
        builder.Property(n => n.OrderId).HasMaxLength(100);
        builder.Property(n => n.TierName).HasMaxLength(32);
        builder.Property(n => n.Reason).HasMaxLength(60);
        // The dispatcher's question (what is pending and due?), the weekly cap's and a refund's.
        builder.HasIndex(n => new { n.State, n.DueAt });
        builder.HasIndex(n => new { n.PersonId, n.State, n.SettledAt });
        builder.HasIndex(n => new { n.OrderId, n.State });
        builder.HasOne<Person>().WithMany().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(n => n.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(n => n.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}
