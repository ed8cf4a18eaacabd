using ReferralBot.Core.Experiments;
using ReferralBot.Persistence.Relational.Experiments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using ReferralBot.Core.Claims;
using ReferralBot.Core.Clicks;
using ReferralBot.Core.Nudges;
using ReferralBot.Core.Outbound;
using ReferralBot.Core.Cluster;
using ReferralBot.Core.Storage;
using ReferralBot.Persistence.Postgres.Claims;
using ReferralBot.Persistence.Postgres.Cluster;
using ReferralBot.Persistence.Postgres.Clicks;
using ReferralBot.Persistence.Postgres.Outbound;
using ReferralBot.Persistence.Relational.Nudges;

namespace ReferralBot.Persistence.Postgres;

public static class PostgresSetup
{
    /// <summary>
    /// The store on PostgreSQL, shared by every instance: not migrated at start unless <c>Database:MigrateOnStart</c>
    /// says so (the <c>migrate</c> command applies migrations once per deployment).
    /// </summary>
    public static IServiceCollection AddPostgresStore(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(_ => DataSource(connectionString));
        services.AddDbContextPool<ReferralBotDbContext>((sp, options) => Configure(options, sp.GetRequiredService<NpgsqlDataSource>()));
        services.PostConfigure<DatabaseOptions>(o => o.MigrateOnStart ??= false);
        services.AddSingleton<IRedirectTargets, PostgresRedirectTargets>();
        services.AddSingleton<IClickStore, PostgresClickStore>();
        services.AddSingleton<GroupCommitWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<GroupCommitWriter>());
        services.AddSingleton<INewcomerClaimStore, PostgresNewcomerClaimStore>();
        services.AddSingleton<IReminderStore, ReminderStore>();
        services.AddSingleton<IExposureStore, ExposureStore>();
        services.AddSingleton<IOutboxMarks, PostgresOutboxMarks>();
        services.AddSingleton<IInstances, PostgresInstances>();
        services.AddSingleton<IExclusiveRoles, PostgresRoles>();
        services.AddSingleton<IRowLeases, PostgresRowLeases>();
        services.AddHostedService<PostgresNotifications>();
        return services;
    }

    private static readonly SkipLockedInterceptor SkipLocked = new();

    // As on SQLite: race losers are expected where they are handled, so EF does not log each failed insert as an error.
    internal static void Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, npgsql => npgsql.MigrationsAssembly(typeof(PostgresSetup).Assembly.GetName().Name))
            .ReplaceService<IModelCustomizer, PostgresModelCustomizer>()
            .AddInterceptors(SkipLocked)
            .ConfigureWarnings(w => w.Log((CoreEventId.SaveChangesFailed, LogLevel.Debug), (RelationalEventId.CommandError, LogLevel.Debug)));

    // Statements the service runs again and again stay prepared on each connection (Npgsql's automatic preparation),
    // unless the connection string sets its own number.
    internal static NpgsqlDataSource DataSource(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 64;
        return new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();
    }
}
