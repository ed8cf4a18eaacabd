using ReferralBot.Core.Experiments;
using ReferralBot.Persistence.Relational.Experiments;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Clicks;
using ReferralBot.Core.Storage;
using ReferralBot.Core.Claims;
using ReferralBot.Persistence.Relational.Nudges;
using ReferralBot.Persistence.Sqlite.Claims;
using ReferralBot.Persistence.Sqlite.Clicks;
using ReferralBot.Persistence.Sqlite.Outbound;
using ReferralBot.Core.Outbound;
using ReferralBot.Core.Nudges;

namespace ReferralBot.Persistence.Sqlite;

public static class SqliteSetup
{
    public const string DefaultConnectionString = "Data Source=referralbot.db";

    /// <summary>The store on a SQLite file: migrated at start, in WAL mode.</summary>
    public static IServiceCollection AddSqliteStore(this IServiceCollection services, string? connectionString)
    {
        var normalized = Normalize(connectionString ?? DefaultConnectionString);
        // Pooled: a message's scope takes a reset context instead of building one (the context holds no state of its own).
        var gate = new SqliteWriteGate();
        services.AddSingleton(gate);
        services.AddDbContextPool<ReferralBotDbContext>(options => Configure(options, normalized, gate));
        // One process owns the file: it brings it up to date as it starts.
        services.PostConfigure<DatabaseOptions>(o => o.MigrateOnStart ??= true);
        services.AddSingleton<IDatabaseInitializer, SqliteDatabaseInitializer>();
        services.AddSingleton<IRedirectTargets>(_ => new SqliteRedirectTargets(normalized));
        // One writer at a time is all SQLite takes: the hottest small writes share its transactions (group commit).
        services.AddSingleton<GroupCommitWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<GroupCommitWriter>());
        services.AddSingleton<IClickStore, SqliteClickStore>();
        services.AddSingleton<INewcomerClaimStore, SqliteNewcomerClaimStore>();
        services.AddSingleton<IReminderStore, ReminderStore>();
        services.AddSingleton<IExposureStore, ExposureStore>();
        services.AddSingleton<IOutboxMarks, SqliteOutboxMarks>();
        return services;
    }

    // Races are settled by unique constraints and handled where they happen, so a failed insert is expected there;
    // EF would log each as an error with its stack. Real failures still surface where the code does not expect them.
    internal static void Configure(DbContextOptionsBuilder options, string connectionString, SqliteWriteGate? gate = null) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteSetup).Assembly.GetName().Name))
            .ReplaceService<IModelCustomizer, SqliteModelCustomizer>()
            .AddInterceptors(gate is null ? [SqlitePragmas.Instance, SqliteErrorStates.Instance] : [SqlitePragmas.Instance, SqliteErrorStates.Instance, gate])
            .ConfigureWarnings(w => w.Log((CoreEventId.SaveChangesFailed, LogLevel.Debug), (RelationalEventId.CommandError, LogLevel.Debug)));

    // A busy database waits rather than failing at once when writers meet.
    private static string Normalize(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DefaultTimeout == 30) builder.DefaultTimeout = 60;
        return builder.ToString();
    }
}
