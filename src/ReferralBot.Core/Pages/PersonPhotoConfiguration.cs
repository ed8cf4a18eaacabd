using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralBot.Core.Members;

namespace ReferralBot.Core.Pages;

internal sealed class PersonPhotoConfiguration : IEntityTypeConfiguration<PersonPhoto>
{
    public void Configure(EntityTypeBuilder<PersonPhoto> builder)
    {
        builder.ToTable("PersonPhotos");
        builder.HasKey(p => p.PersonId);
        builder.HasOne<Person>().WithOne().HasForeignKey<PersonPhoto>(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
