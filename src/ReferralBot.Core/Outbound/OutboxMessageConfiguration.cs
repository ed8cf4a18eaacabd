using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralBot.Core.Members;

namespace ReferralBot.Core.Outbound;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("Outbox");
        builder.Property(m => m.Key).HasMaxLength(128);
        builder.HasIndex(m => m.Key).IsUnique();
        builder.Property(m => m.Channel).HasMaxLength(32);
        builder.Property(m => m.ChatId).HasMaxLength(128);
        builder.Property(m => m.DropReason).HasMaxLength(200);
        // The dispatcher's question: what is due and not yet settled?
        builder.HasIndex(m => new { m.SentAt, m.DroppedAt, m.DueAt });
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
