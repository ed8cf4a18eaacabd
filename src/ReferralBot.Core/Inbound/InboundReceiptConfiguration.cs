using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ReferralBot.Core.Inbound;

internal sealed class InboundReceiptConfiguration : IEntityTypeConfiguration<InboundReceipt>
{
    public void Configure(EntityTypeBuilder<InboundReceipt> builder)
    {
        builder.Property(r => r.Channel).HasMaxLength(32);
        builder.Property(r => r.ExternalId).HasMaxLength(200);
        builder.HasIndex(r => new { r.Channel, r.ExternalId }).IsUnique();
        builder.HasIndex(r => r.ReceivedAt);
    }
}
