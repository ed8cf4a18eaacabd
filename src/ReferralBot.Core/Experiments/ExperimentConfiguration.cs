using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ReferralBot.Core.Experiments;

internal sealed class ExperimentConfiguration : IEntityTypeConfiguration<Experiment>, IEntityTypeConfiguration<ExperimentVariant>,
    IEntityTypeConfiguration<ExperimentExposure>
{
    public void Configure(EntityTypeBuilder<Experiment> builder)
    {
        builder.ToTable("Experiments");
        builder.Property(e => e.Name).HasMaxLength(ExperimentNames.MaxLength);
        builder.HasIndex(e => e.Name).IsUnique();
        builder.Property(e => e.Setting).HasMaxLength(32);
        builder.Property(e => e.Winner).HasMaxLength(ExperimentNames.MaxLength);
        // The unique index over running experiments has a filter in SQL: each provider adds it (RunningExperimentIndex).
        builder.HasMany(e => e.Variants).WithOne().HasForeignKey(v => v.ExperimentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Campaign).WithMany().HasForeignKey(e => e.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ExperimentVariant> builder)
    {
        builder.ToTable("ExperimentVariants");
        builder.Property(v => v.Label).HasMaxLength(ExperimentNames.MaxLength);
        builder.Property(v => v.Value).HasMaxLength(2000);
        builder.HasIndex(v => new { v.ExperimentId, v.Label }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ExperimentExposure> builder)
    {
        builder.ToTable("ExperimentExposures");
        builder.HasIndex(x => new { x.ExperimentId, x.PersonId }).IsUnique();
        builder.HasIndex(x => x.VariantId);
        builder.HasOne<Experiment>().WithMany().HasForeignKey(x => x.ExperimentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ExperimentVariant>().WithMany().HasForeignKey(x => x.VariantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Members.Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
