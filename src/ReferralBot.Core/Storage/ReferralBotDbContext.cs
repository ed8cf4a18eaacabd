using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Claims;
using ReferralBot.Core.Clicks;
using ReferralBot.Core.Members;

namespace ReferralBot.Core.Storage;

/// <summary>The one database of the service; each feature configures its own entities.</summary>
public sealed class ReferralBotDbContext(DbContextOptions<ReferralBotDbContext> options) : DbContext(options)
{
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<ReferralCode> Codes => Set<ReferralCode>();
    public DbSet<Claim> Claims => Set<Claim>();
    public DbSet<Click> Clicks => Set<Click>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ReferralBotDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
}
