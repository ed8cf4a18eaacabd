using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ReferralBot.Core.Outbound;

internal sealed class ChannelAddressConfiguration : IEntityTypeConfiguration<ChannelAddress>
{
    public void Configure(EntityTypeBuilder<ChannelAddress> builder)
    {
        builder.ToTable("ChannelAddresses");
        builder.HasKey(a => new { a.Channel, a.ChatId });
        builder.Property(a => a.Channel).HasMaxLength(32);
        builder.Property(a => a.ChatId).HasMaxLength(256);
        builder.Property(a => a.Details).HasMaxLength(4000);
    }
}
