using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ReferralBot.Core.Members;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.Property(p => p.Channel).HasMaxLength(32);
        builder.Property(p => p.ExternalId).HasMaxLength(128);
        builder.Property(p => p.DisplayName).HasMaxLength(128);
        builder.Property(p => p.Username).HasMaxLength(64);
        builder.Property(p => p.Locale).HasMaxLength(16);
        builder.Property(p => p.Language).HasMaxLength(16);
        builder.Property(p => p.PrivateChatId).HasMaxLength(128);
        builder.HasIndex(p => new { p.Channel, p.ExternalId }).IsUnique();
        builder.Ignore(p => p.Address);
    }
}
