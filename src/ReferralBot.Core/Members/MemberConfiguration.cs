using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ReferralBot.Core.Members;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        // A person is a member of a campaign once.
        builder.HasIndex(m => new { m.CampaignId, m.PersonId }).IsUnique();
        builder.HasIndex(m => m.PersonId);
        builder.HasOne(m => m.Campaign).WithMany().HasForeignKey(m => m.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Codes).WithOne(c => c.Member).HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(m => m.PrimaryCode);
        builder.Property(m => m.FlatFee).HasPrecision(18, 2);
        builder.Property(m => m.Reference).HasMaxLength(MemberReference.Length);
        builder.Property(m => m.Voice).HasMaxLength(VoiceText.MaxLength);
        builder.HasIndex(m => m.Reference).IsUnique();
    }
}
