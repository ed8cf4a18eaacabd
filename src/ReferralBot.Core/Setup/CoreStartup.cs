using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Clicks;
using ReferralBot.Core.Cluster;
using ReferralBot.Core.Prompts;
using ReferralBot.Core.Secrets;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Setup;

/// <summary>
/// Start-up work that must succeed before any channel or web request is served: prompts parsed and complete,
/// the database migrated, the default campaign present, the stored secrets read. It runs in StartingAsync, before any service starts.
/// </summary>
internal sealed class CoreStartup(IServiceProvider services) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<PromptCatalog>();
        await services.GetRequiredService<DatabaseMigrations>().EnsureReadyAsync(cancellationToken);
        // Known as running before anything starts: no other instance may take this one's work for a dead one's.
        await services.GetRequiredService<IInstances>().JoinAsync(cancellationToken);

        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DefaultCampaignSeeder>().SeedAsync(cancellationToken);
        await services.GetRequiredService<VisitorSalt>().LoadAsync(scope.ServiceProvider.GetRequiredService<StoredSecrets>(), cancellationToken);
        services.GetRequiredService<DataProtectionKeys>().EnsureOne();
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
