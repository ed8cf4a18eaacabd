using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralBot.Core.Members;

namespace ReferralBot.Core.Payouts;

internal sealed class PayoutAccountConfiguration : IEntityTypeConfiguration<PayoutAccount>
{
    public void Configure(EntityTypeBuilder<PayoutAccount> builder)
    {
        builder.ToTable("PayoutAccounts");
        builder.HasKey(a => a.PersonId);
        builder.Property(a => a.PersonId).ValueGeneratedNever();
        builder.Property(a => a.Method).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.Sealed).HasMaxLength(2000);
        builder.Property(a => a.Masked).HasMaxLength(100);
        builder.HasOne<Person>().WithOne().HasForeignKey<PayoutAccount>(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
