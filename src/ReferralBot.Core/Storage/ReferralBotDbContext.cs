using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Claims;
using ReferralBot.Core.Clicks;
using ReferralBot.Core.Members;

namespace ReferralBot.Core.Storage;

/// <summary>The one database of the service; each feature configures its own entities.</summary>
public sealed class ReferralBotDbContext(DbContextOptions<ReferralBotDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<ReferralCode> Codes => Set<ReferralCode>();
    public DbSet<Claim> Claims => Set<Claim>();
    public DbSet<Click> Clicks => Set<Click>();

    /// <summary>Data Protection's keys (payout details are sealed with them), here so that every instance shares them.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Set while the <see cref="Inbound.InboundPipeline"/> handles a message: the first write begins a transaction that
    /// stays open until the pipeline commits it with the message's receipt and replies, so all of it is kept or none.
    /// </summary>
    internal bool HoldsTransaction { get; set; }

    private List<Action>? afterCommit;

    /// <summary>Runs <paramref name="action"/> once what was saved is permanent: now, or when the held transaction commits.</summary>
    public void AfterCommit(Action action)
    {
        if (HoldsTransaction) (afterCommit ??= []).Add(action);
        else action();
    }

    /// <summary>The actions deferred by <see cref="AfterCommit"/>, run by whoever committed the held transaction.</summary>
    internal void Committed()
    {
        var actions = afterCommit ?? [];
        afterCommit = null;
        foreach (var action in actions) action();
    }

    /// <summary>
    /// Back to saving on its own, with nothing deferred. Contexts are pooled, and the pool resets only EF's own state:
    /// whoever set <see cref="HoldsTransaction"/> calls this before the context goes back.
    /// </summary>
    internal void Release() => (HoldsTransaction, afterCommit) = (false, null);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AppendOnly.Check(this);
        if (HoldsTransaction && Database.CurrentTransaction is null) Database.BeginTransaction();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AppendOnly.Check(this);
        if (HoldsTransaction && Database.CurrentTransaction is null) await Database.BeginTransactionAsync(cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ReferralBotDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
}
