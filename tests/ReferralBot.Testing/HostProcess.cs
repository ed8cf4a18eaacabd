using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ReferralBot.Testing;

/// <summary>
/// The built service started as its own process (<c>dotnet ReferralBot.Host.dll</c>), as an operator starts it, with
/// the environment and arguments a test gives; on its own SQLite file, with the terminal chat off.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string folder = Directory.CreateTempSubdirectory("referralbot-process-").FullName;

    public HostProcess(IDictionary<string, string> environment, params string[] arguments)
        : this(environment, niceness: 0, arguments)
    {
    }

    /// <param name="niceness">Above 0: the process runs under <c>nice</c>, so when cores are short the test's own work
    /// (a fake measuring the service's timing) goes first.</param>
    public HostProcess(IDictionary<string, string> environment, int niceness, params string[] arguments)
    {
        var start = new ProcessStartInfo(niceness > 0 ? "nice" : "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        if (niceness > 0)
        {
            foreach (var argument in new[] { "-n", niceness.ToString(System.Globalization.CultureInfo.InvariantCulture), "dotnet" }) start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ReferralBot.Host.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_URLS", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        start.Environment["ConnectionStrings__ReferralBot"] = $"Data Source={DatabaseFile}";
        start.Environment["ConsoleChat__Enabled"] = "false";
        start.Environment["DOTNET_gcServer"] = "0";
        // As the test hosts (tests/Directory.Build.props): a process that lives seconds spends less on profiling its code.
        start.Environment["DOTNET_TieredPGO"] = "0";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.Exited += (_, _) => started.TrySetException(new InvalidOperationException($"The service exited ({process.ExitCode}):\n{Output}"));
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string DatabaseFile => Path.Combine(folder, "referralbot.db");

    public int Id => process.Id;

    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Waits until the host says it has started (every hosted service up, Kestrel listening), then asks
    /// <paramref name="url"/>/healthz; fails if the process ends first.
    /// </summary>
    public async Task<HttpResponseMessage> HealthAsync(string url)
    {
        await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        return await client.GetAsync($"{url}/healthz");
    }

    /// <summary>
    /// Lowers its priority now, as <c>nice</c> would have at its start. Linux keeps a nice value per thread, so each of
    /// its threads is reniced; threads it starts later take their starter's.
    /// </summary>
    public async Task ReniceAsync(int niceness)
    {
        var threads = Directory.GetDirectories($"/proc/{Id}/task").Select(Path.GetFileName).OfType<string>();
        var start = new ProcessStartInfo("renice") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-n", niceness.ToString(System.Globalization.CultureInfo.InvariantCulture), "-p" }.Concat(threads)) start.ArgumentList.Add(argument);
        using var renice = Process.Start(start)!;
        var said = await renice.StandardError.ReadToEndAsync() + await renice.StandardOutput.ReadToEndAsync();
        await renice.WaitForExitAsync();
        if (renice.ExitCode != 0) throw new InvalidOperationException($"renice of process {Id} failed ({renice.ExitCode}): {said}");
    }

    /// <summary>Waits for the process to end by itself (a command such as <c>migrate</c>); its exit code.</summary>
    public async Task<int> ExitCodeAsync()
    {
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return process.ExitCode;
    }

    /// <summary>Stops it as systemd or an orchestrator does (SIGTERM: a clean shutdown) and waits until it has ended.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (process.HasExited) return;
        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await term.WaitForExitAsync();
        await process.WaitForExitAsync().WaitAsync(timeout);
    }

    /// <summary>Ends it at once, as <c>kill -9</c> or a power cut does: nothing in the process runs again.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    private void Record(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
        // Microsoft.Hosting.Lifetime's line once start-up is done.
        if (line.Contains("Application started", StringComparison.Ordinal)) started.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS's temp cleanup.
        }
    }
}
