using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralBot.Core.Members;

namespace ReferralBot.Core.Outbound;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("Outbox");
        builder.Property(m => m.Key).HasMaxLength(256);
        builder.HasIndex(m => m.Key).IsUnique();
        builder.Property(m => m.Channel).HasMaxLength(32);
        builder.Property(m => m.ChatId).HasMaxLength(128);
        builder.Property(m => m.DropReason).HasMaxLength(200);
        builder.Property(m => m.SendingBy).HasMaxLength(64);
        // The dispatcher's question: what is due and not yet settled, on the channels this service runs? Only unsettled
        // rows are in it, by channel, so messages for a channel that is off (they wait for it) are never read.
        builder.HasIndex(m => new { m.Channel, m.DueAt }).HasFilter("\"SentAt\" IS NULL AND \"DroppedAt\" IS NULL").HasDatabaseName("IX_Outbox_Pending");
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
