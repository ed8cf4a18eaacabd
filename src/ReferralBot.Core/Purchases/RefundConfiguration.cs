using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ReferralBot.Core.Purchases;

internal sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> builder)
    {
        builder.ToTable("Refunds");
        Storage.AppendOnly.Mark(builder);
        // A purchase is refunded once: a replayed refund finds this row and reverses nothing again.
        builder.HasIndex(r => r.PurchaseId).IsUnique();
        builder.HasIndex(r => r.OrderId).IsUnique();
        builder.Property(r => r.OrderId).HasMaxLength(100);
        builder.Property(r => r.Reason).HasMaxLength(200);
        builder.Property(r => r.ReportedBy).HasMaxLength(200);
        builder.HasOne<Purchase>().WithOne().HasForeignKey<Refund>(r => r.PurchaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
