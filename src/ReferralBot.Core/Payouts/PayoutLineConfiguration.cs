using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralBot.Core.Members;

namespace ReferralBot.Core.Payouts;

internal sealed class PayoutLineConfiguration : IEntityTypeConfiguration<PayoutLine>
{
    public void Configure(EntityTypeBuilder<PayoutLine> builder)
    {
        builder.ToTable("PayoutLines");
        builder.HasIndex(l => l.Sequence).IsUnique();
        builder.HasIndex(l => l.Reference).IsUnique();
        builder.HasIndex(l => l.LedgerEntryId).IsUnique();
        builder.HasIndex(l => new { l.MemberId, l.BatchId });
        builder.HasIndex(l => l.PersonId);
        builder.Property(l => l.Reference).HasMaxLength(32);
        builder.Property(l => l.Amount).HasPrecision(18, 2);
        builder.Property(l => l.Method).HasConversion<string>().HasMaxLength(10);
        builder.Property(l => l.Sealed).HasMaxLength(2000);
        builder.Property(l => l.Masked).HasMaxLength(100);
        builder.HasOne(l => l.LedgerEntry).WithMany().HasForeignKey(l => l.LedgerEntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(l => l.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
