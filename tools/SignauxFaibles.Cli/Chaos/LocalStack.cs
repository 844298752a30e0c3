using System.Diagnostics;

namespace SignauxFaibles.Cli.Chaos;

/// <summary>
/// The stack the run command started on this machine (deploy/local): its services (services.tsv),
/// the pid each runs under (.state/services), and the scripts that start and restart it.
/// </summary>
internal sealed class LocalStack
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(3) };

    private LocalStack(string root, IReadOnlyList<(string Name, int Port)> services) => (Root, Services) = (root, services);

    public string Root { get; }

    public IReadOnlyList<(string Name, int Port)> Services { get; }

    /// <summary>The checkout holding deploy/local/run.sh, from <paramref name="start"/> upwards.</summary>
    public static LocalStack Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var tsv = Path.Combine(dir.FullName, "deploy", "local", "services.tsv");
            if (!File.Exists(tsv)) continue;
            var services = File.ReadLines(tsv).Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t'))
                .Select(f => (f[0], int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture))).ToList();
            return new LocalStack(dir.FullName, services);
        }
        throw new IOException($"no deploy/local/services.tsv above {start}: run sf ops chaos from the checkout whose run.sh started the stack (or give --repo).");
    }

    public int? PidOf(string service)
    {
        var file = Path.Combine(Root, ".state", "services", service + ".pid");
        return File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), out var pid) ? pid : null;
    }

    /// <summary>kill -9 of the service's process, as a crash or an OOM kill would.</summary>
    public void Kill(string service)
    {
        var pid = PidOf(service) ?? throw new InvalidOperationException($"{service} has no pid file: was the stack started by run.sh?");
        using var process = Process.GetProcessById(pid);
        process.Kill(entireProcessTree: false);
    }

    /// <summary>
    /// A slow consumer: the service's process is stopped (SIGSTOP) four fifths of the time, in
    /// cycles of a second, for <paramref name="duration"/> — it holds its deliveries unacknowledged
    /// and answers late, as a host starved of CPU or stalled on its disk would; then it runs freely again.
    /// </summary>
    public async Task SlowDownAsync(string service, TimeSpan duration, CancellationToken ct)
    {
        var pid = PidOf(service) ?? throw new InvalidOperationException($"{service} has no pid file: was the stack started by run.sh?");
        var clock = Stopwatch.StartNew();
        try
        {
            while (clock.Elapsed < duration)
            {
                await SignalAsync(pid, "STOP");
                await Task.Delay(TimeSpan.FromMilliseconds(800), ct);
                await SignalAsync(pid, "CONT");
                await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
            }
        }
        finally
        {
            await SignalAsync(pid, "CONT");
        }
    }

    private static async Task SignalAsync(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))!;
        await kill.WaitForExitAsync();
    }

    /// <summary>The run command again: starts what is not running (no build), waits until ready.</summary>
    public Task RunUpAsync(CancellationToken ct) => ScriptAsync("run.sh", ["up"], ct, ("SF_NO_BUILD", "1"));

    public Task RestartBrokerAsync(CancellationToken ct) => ScriptAsync("servers.sh", ["restart-broker"], ct);

    public Task RestartPostgresAsync(string mode, CancellationToken ct) => ScriptAsync("servers.sh", ["restart-postgres", mode], ct);

    public async Task<bool> AllReadyAsync(CancellationToken ct)
    {
        foreach (var (_, port) in Services)
        {
            try
            {
                using var response = await Http.GetAsync($"http://127.0.0.1:{port}/health/ready", ct);
                if (!response.IsSuccessStatusCode) return false;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }
        return true;
    }

    private async Task ScriptAsync(string script, string[] args, CancellationToken ct, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(Path.Combine(Root, "deploy", "local", script)) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} {string.Join(' ', args)} failed ({process.ExitCode}): {Tail(await error)}{Tail(await output)}");
        }
    }

    private static string Tail(string text) => text.Length > 2000 ? text[^2000..] : text;
}
