using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReferralBot.Core.Storage;

/// <summary>
/// The store's schema at start: migrated there when <see cref="DatabaseOptions.MigrateOnStart"/> says so, otherwise
/// checked, and the start refused with what to run when migrations are missing. The provider's own start-up work
/// (<see cref="IDatabaseInitializer"/>) runs after either.
/// </summary>
public sealed partial class DatabaseMigrations(
    IServiceScopeFactory scopes, IEnumerable<IDatabaseInitializer> initializers, IOptions<DatabaseOptions> options, ILogger<DatabaseMigrations> logger)
{
    /// <summary>Applies what is missing (the <c>migrate</c> command, or a start that migrates); how many were applied.</summary>
    public async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        // EF takes a lock on the database for this, so instances started together apply each migration once. With
        // nothing pending there is nothing to lock for (EF would still compare the model with the migrations).
        if (pending.Count > 0) await db.Database.MigrateAsync(cancellationToken);
        LogApplied(logger, pending.Count, db.Database.ProviderName ?? "?");
        return pending.Count;
    }

    /// <summary>Makes the store ready before anything reads it.</summary>
    public async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateOnStart == true)
        {
            await ApplyAsync(cancellationToken);
        }
        else
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                throw new DatabaseOutOfDateException(
                    $"The database lacks {pending.Count} migration(s) ({string.Join(", ", pending)}). Apply them once per deployment " +
                    "with `dotnet ReferralBot.Host.dll migrate` (same configuration), or set Database:MigrateOnStart=true on a single instance.");
            }
        }

        foreach (var initializer in initializers) await initializer.InitializeAsync(cancellationToken);
    }

    [LoggerMessage(LogLevel.Information, "Database schema up to date ({Applied} migrations applied, {Provider})")]
    private static partial void LogApplied(ILogger logger, int applied, string provider);
}
