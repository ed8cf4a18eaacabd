using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using ReferralBot.Core.Storage;
using ReferralBot.Persistence.Postgres;

namespace ReferralBot.Testing;

/// <summary>
/// One PostgreSQL server for the test run: a throwaway one (initdb into a temporary folder, <c>pg_ctl</c> on a free
/// loopback port, fsync off, as the <c>postgres</c> user when run as root) stopped when the run ends, or the server
/// <c>REFERRALBOT_TEST_POSTGRES</c> names (a connection string that may create databases). A missing server fails the
/// tests that need it, with what to install; it is never a skip. Each test class takes a database of its own, copied
/// from a template migrated once.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "REFERRALBOT_TEST_POSTGRES";
    private const string Template = "referralbot_template";
    private static readonly Lazy<Task<string>> Admin = new(StartAsync);
    private static readonly SemaphoreSlim Creating = new(1, 1);
    private static int databases;

    /// <summary>A new database, migrated; its connection string.</summary>
    public static Task<string> CreateDatabaseAsync() => CreateAsync($"TEMPLATE \"{Template}\"");

    /// <summary>A new database with no tables; its connection string.</summary>
    public static Task<string> CreateEmptyDatabaseAsync() => CreateAsync("");

    /// <summary>
    /// Ends the database session holding the advisory lock named <paramref name="name"/> (as a network cut or a server
    /// restart would); true if one was ended.
    /// </summary>
    public static async Task<bool> EndSessionHoldingAsync(string connectionString, string name)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var end = new NpgsqlCommand(
            "SELECT coalesce(bool_or(pg_terminate_backend(pid)), false) FROM pg_locks WHERE locktype = 'advisory' AND granted " +
            "AND pid <> pg_backend_pid() AND objid = (hashtextextended(@name, 0) & 4294967295)::oid", connection);
        end.Parameters.AddWithValue("name", name);
        return await end.ExecuteScalarAsync() is true;
    }

    private static async Task<string> CreateAsync(string from)
    {
        var admin = await Admin.Value;
        var name = $"test_{Environment.ProcessId}_{Interlocked.Increment(ref databases)}";
        // CREATE DATABASE … TEMPLATE needs the template to have no other session, so copies are made one at a time.
        await Creating.WaitAsync();
        try
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" {from}", connection);
            await create.ExecuteNonQueryAsync();
        }
        finally
        {
            Creating.Release();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    private static async Task<string> StartAsync()
    {
        var admin = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given ? given : await Throwaway.StartAsync();
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Template}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Template}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var template = new NpgsqlConnectionStringBuilder(admin) { Database = Template, Pooling = false }.ConnectionString;
        await using (var services = new ServiceCollection().AddLogging().AddPostgresStore(template).BuildServiceProvider())
        {
            var migrations = new DatabaseMigrations(
                services.GetRequiredService<IServiceScopeFactory>(), [], Options.Create(new DatabaseOptions()), NullLogger<DatabaseMigrations>.Instance);
            await migrations.ApplyAsync(CancellationToken.None);
        }

        return admin;
    }

    private static class Throwaway
    {
        public static async Task<string> StartAsync()
        {
            var bin = Bin();
            RemoveLeftovers();
            var folder = Directory.CreateTempSubdirectory("referralbot-postgres-").FullName;
            var data = Path.Combine(folder, "data");
            var port = FreePort();
            var asRoot = Environment.UserName == "root";
            if (asRoot) await RunAsync("chown", ["-R", "postgres", folder], asRoot: false);
            await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"], asRoot);
            var options = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
            await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", Path.Combine(folder, "server.log"), "-w", "start"], asRoot);
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], asRoot).GetAwaiter().GetResult();
                Directory.Delete(folder, recursive: true);
            };
            return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
        }

        // A test run killed before its exit handler ran (the test host's whole process tree goes at once) leaves its
        // server's folder behind, some 60 MB. Folders untouched for 15 minutes whose server is not running are removed.
        private static void RemoveLeftovers()
        {
            foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), "referralbot-postgres-*"))
            {
                if (Directory.GetLastWriteTimeUtc(folder) > DateTime.UtcNow.AddMinutes(-15) || IsRunning(folder)) continue;
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Another run's, or not ours to remove: left alone.
                }
            }
        }

        private static bool IsRunning(string folder)
        {
            var pidFile = Path.Combine(folder, "data", "postmaster.pid");
            if (!File.Exists(pidFile)) return false;
            try
            {
                return int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) && !Process.GetProcessById(pid).HasExited;
            }
            catch (Exception ex) when (ex is ArgumentException or IOException or InvalidOperationException)
            {
                return false;
            }
        }

        // The newest server installed from Debian's packages.
        private static string Bin()
        {
            var installed = Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "pg_ctl")))
                    .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0).FirstOrDefault()
                : null;
            return installed ?? throw new InvalidOperationException(
                $"No PostgreSQL server for the tests: install Debian's postgresql package (apt-get install postgresql), or set {EnvironmentVariable} to a server's connection string.");
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private static async Task RunAsync(string program, string[] arguments, bool asRoot)
        {
            var start = new ProcessStartInfo(asRoot ? "runuser" : program) { RedirectStandardOutput = true, RedirectStandardError = true };
            if (asRoot) foreach (var argument in new[] { "-u", "postgres", "--", program }) start.ArgumentList.Add(argument);
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {await errors}{await output}");
        }
    }
}
