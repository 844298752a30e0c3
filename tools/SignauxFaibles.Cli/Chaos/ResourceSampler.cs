using System.Diagnostics;
using System.Globalization;
using SignauxFaibles.Operations.Broker;

namespace SignauxFaibles.Cli.Chaos;

/// <summary>
/// Samples, every <paramref name="every"/> during a campaign, the resident memory of each service
/// (VmRSS of its process) and the depth of the broker's queues (ready + unacknowledged, all queues),
/// into a CSV (elapsed_s, queued, one column per service in MiB; blank when down), and sums them up
/// at the end: a leak or a backlog that only a long run shows.
/// </summary>
internal sealed class ResourceSampler(LocalStack stack, BrokerAddress broker, string csvPath, TimeSpan every) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(double Elapsed, long? Queued, double?[] Memory)> _samples = [];
    private Task? _loop;

    public string CsvPath => csvPath;

    public void Start() => _loop = Task.Run(LoopAsync);

    private async Task LoopAsync()
    {
        using var management = new RabbitMqManagementClient(broker);
        await using var csv = new StreamWriter(csvPath);
        await csv.WriteLineAsync("elapsed_s,queued," + string.Join(',', stack.Services.Select(s => s.Name + "_mib")));
        var clock = Stopwatch.StartNew();
        while (!_stop.IsCancellationRequested)
        {
            long? queued;
            try
            {
                queued = (await management.QueuesAsync(_stop.Token)).Sum(q => q.Depth);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
            {
                queued = null; // the broker is being restarted
            }
            var memory = stack.Services.Select(s => ResidentMiB(stack.PidOf(s.Name))).ToArray();
            lock (_samples) _samples.Add((clock.Elapsed.TotalSeconds, queued, memory));
            await csv.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{clock.Elapsed.TotalSeconds:F0},{queued},{string.Join(',', memory.Select(m => m?.ToString("F0", CultureInfo.InvariantCulture)))}"));
            await csv.FlushAsync();
            try
            {
                await Task.Delay(every, _stop.Token);
            }
            catch (TaskCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>VmRSS of a live process, in MiB (Linux /proc); null when it is not running.</summary>
    private static double? ResidentMiB(int? pid)
    {
        if (pid is null) return null;
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Per service: memory at the first sample, the median, the largest and the last, then over time; the deepest backlog.</summary>
    public async Task ReportAsync(TextWriter output)
    {
        List<(double Elapsed, long? Queued, double?[] Memory)> samples;
        lock (_samples) samples = [.. _samples];
        if (samples.Count == 0) return;
        var deepest = samples.Where(s => s.Queued is not null).MaxBy(s => s.Queued);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"samples: {samples.Count} over {samples[^1].Elapsed / 60:F0} min in {csvPath}; deepest backlog {deepest.Queued:N0} messages at {deepest.Elapsed / 60:F0} min"));
        await output.WriteLineAsync("memory (MiB, resident): service first / median / max / last");
        for (var i = 0; i < stack.Services.Count; i++)
        {
            var values = samples.Select(s => s.Memory[i]).Where(m => m is not null).Select(m => m!.Value).ToList();
            if (values.Count == 0) continue;
            var sorted = values.Order().ToList();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {stack.Services[i].Name,-20} {values[0],6:F0} / {sorted[sorted.Count / 2],6:F0} / {sorted[^1],6:F0} / {values[^1],6:F0}"));
        }
        await WriteOverTimeAsync(samples, output);
    }

    /// <summary>Memory (MiB) and backlog at eight evenly spaced moments: a leak shows as a rising row.</summary>
    private async Task WriteOverTimeAsync(List<(double Elapsed, long? Queued, double?[] Memory)> samples, TextWriter output)
    {
        const int Columns = 8;
        var picked = Enumerable.Range(0, Columns).Select(k => samples[(int)((samples.Count - 1L) * k / (Columns - 1))]).ToList();
        await output.WriteLineAsync("over time (min):     " + string.Concat(picked.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Elapsed / 60,7:F0}"))));
        await output.WriteLineAsync("  queued messages    " + string.Concat(picked.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Queued,7}"))));
        for (var i = 0; i < stack.Services.Count; i++)
        {
            await output.WriteLineAsync($"  {stack.Services[i].Name,-19}" + string.Concat(picked.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Memory[i],7:F0}"))));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null) await _loop;
        _stop.Dispose();
    }
}
