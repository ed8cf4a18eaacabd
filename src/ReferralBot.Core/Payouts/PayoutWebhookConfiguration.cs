using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ReferralBot.Core.Payouts;

internal sealed class PayoutWebhookConfiguration : IEntityTypeConfiguration<PayoutWebhook>
{
    public void Configure(EntityTypeBuilder<PayoutWebhook> builder)
    {
        builder.ToTable("PayoutWebhooks");
        builder.HasIndex(w => w.EventId).IsUnique();
        builder.HasIndex(w => w.NextAttemptAt).HasFilter("\"DeliveredAt\" IS NULL AND \"GaveUpAt\" IS NULL").HasDatabaseName("IX_PayoutWebhooks_Due");
        builder.Property(w => w.EventId).HasMaxLength(64);
        builder.Property(w => w.Event).HasMaxLength(32);
        builder.Property(w => w.Url).HasMaxLength(2000);
        builder.Property(w => w.LastError).HasMaxLength(500);
        builder.Property(w => w.LeasedBy).HasMaxLength(64);
    }
}
