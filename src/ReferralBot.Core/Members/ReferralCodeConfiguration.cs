using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ReferralBot.Core.Members;

internal sealed class ReferralCodeConfiguration : IEntityTypeConfiguration<ReferralCode>
{
    public void Configure(EntityTypeBuilder<ReferralCode> builder)
    {
        builder.ToTable("Codes", t =>
        {
            t.HasCheckConstraint("CK_Codes_Value_upper", "\"Value\" = upper(\"Value\")");
            t.HasCheckConstraint("CK_Codes_Value_length", $"length(\"Value\") BETWEEN {CodeFormat.MinLength} AND {CodeFormat.MaxLength}");
        });
        builder.HasKey(c => c.Value);
        builder.Property(c => c.Value).HasMaxLength(CodeFormat.MaxLength);
        // One primary code per member; a partial index, so a member's codes (every Include of them) need their own.
        builder.HasIndex(c => c.MemberId, "IX_Codes_MemberId_Primary").IsUnique().HasFilter("\"IsPrimary\"");
        builder.HasIndex(c => c.MemberId, "IX_Codes_MemberId");
    }
}
