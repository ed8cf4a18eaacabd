using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ReferralBot.Core.Administration;

internal sealed class AdminGrantConfiguration : IEntityTypeConfiguration<AdminGrant>
{
    public void Configure(EntityTypeBuilder<AdminGrant> builder)
    {
        builder.ToTable("AdminGrants");
        builder.Property(a => a.Channel).HasMaxLength(32);
        builder.Property(a => a.UserId).HasMaxLength(128);
        builder.Property(a => a.GrantedBy).HasMaxLength(170);
        builder.HasIndex(a => new { a.Channel, a.UserId }).IsUnique();
    }
}
