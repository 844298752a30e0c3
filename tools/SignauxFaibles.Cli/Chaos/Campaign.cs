using System.Diagnostics;
using SignauxFaibles.Cli.Load;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Operations.Status;

namespace SignauxFaibles.Cli.Chaos;

/// <summary>One fault campaign: the load, the faults during it, the recovery, the settling and the checks.</summary>
internal sealed class Campaign(LocalStack stack, StatusCollector collector, string postgresServer, CampaignChecks checks, PanelCheck panel, DatabaseCut cut, TextWriter output)
{
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromMinutes(5);

    private readonly List<(Fault Fault, TimeSpan Recovery)> _recoveries = [];

    /// <summary>
    /// One round per input (<paramref name="inputOf"/>: the folder of round 1, 2…, made when the round
    /// starts): each round's load with a whole fault cycle, then its settling and its checks. A long
    /// campaign is many rounds on one running stack.
    /// </summary>
    public async Task<int> RunAsync(int rounds, Func<int, DirectoryInfo> inputOf, Func<ResilientDelivery> deliveries, IReadOnlyCollection<string> kinds,
        IReadOnlyList<string> victims, int seed, TimeSpan settleTimeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var differences = new List<string>();
        for (var round = 1; round <= rounds; round++)
        {
            if (rounds > 1) await output.WriteLineAsync($"round {round} of {rounds} ({clock.Elapsed.TotalMinutes:F0} min)");
            var input = inputOf(round);
            using var delivery = deliveries();
            var found = await RoundAsync(input, LoadCommand.Plan(input, out _), delivery, kinds, victims, seed + round - 1, settleTimeout, ct);
            differences.AddRange(found.Select(d => rounds > 1 ? $"round {round}: {d}" : d));
        }
        await output.WriteLineAsync($"campaign: {rounds} round(s) in {clock.Elapsed.TotalMinutes:F1} min");
        await ReportFaultsAsync();
        await output.WriteLineAsync($"differences: {differences.Count}");
        foreach (var difference in differences) await output.WriteLineAsync($"  {difference}");
        return differences.Count == 0 ? 0 : 1;
    }

    private async Task<List<string>> RoundAsync(DirectoryInfo input, List<(string Route, IFileKind Kind, FileInfo File)> plan, ResilientDelivery delivery,
        IReadOnlyCollection<string> kinds, IReadOnlyList<string> victims, int seed, TimeSpan settleTimeout, CancellationToken ct)
    {
        if (plan.Count == 0) throw new IOException("no deliverable file in the input folder");
        if (!await stack.AllReadyAsync(ct)) throw new InvalidOperationException("the stack is not ready: start it with deploy/local/run.sh first");
        var since = DateTimeOffset.UtcNow;
        await delivery.PrepareAsync(plan.Select(p => p.Kind), ct);
        var schedule = FaultPlan.AtOwnDeliveries(FaultPlan.Make(kinds, victims, plan.Count, seed), plan.Select(p => p.Route).ToList());
        await output.WriteLineAsync($"sf ops chaos: {plan.Count} files, {schedule.Count} faults (seed {seed})");

        var random = new Random(seed);
        var outcomes = new List<DeliveryOutcome>();
        var faulting = Task.CompletedTask;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < plan.Count; i++)
        {
            foreach (var (_, fault) in schedule.Where(s => s.AtDelivery == i))
            {
                await faulting;
                // A seeded moment within the delivery that has just started, so a killed ingestion service is caught while it takes the file.
                faulting = InjectAsync(fault, TimeSpan.FromMilliseconds(random.Next(50, 1500)), ct);
            }
            outcomes.Add(await delivery.DeliverAsync(plan[i].Route, plan[i].Kind, plan[i].File, ct));
        }
        await faulting;
        var loaded = clock.Elapsed;
        await stack.RunUpAsync(ct);
        var settled = await Settling.WaitAsync(collector, postgresServer, TimeSpan.FromSeconds(10), settleTimeout, ct);
        // This tool's own pooled connections may date from before a PostgreSQL restart.
        Npgsql.NpgsqlConnection.ClearAllPools();
        var differences = await checks.RunAsync(await collector.CollectAsync(ct), outcomes, plan, since, ct);
        differences.AddRange(await panel.RunAsync(input, since, ct));
        await output.WriteLineAsync($"load: {outcomes.Count} files in {loaded.TotalSeconds:F0} s, {outcomes.Count(o => o.Attempts > 1)} delivered again after a failed attempt; "
            + $"settled {settled.TotalSeconds:F0} s later; {differences.Count} difference(s)");
        return differences;
    }

    private async Task InjectAsync(Fault fault, TimeSpan after, CancellationToken ct)
    {
        await Task.Delay(after, ct);
        var clock = Stopwatch.StartNew();
        switch (fault.Kind)
        {
            case Fault.Kill:
                stack.Kill(fault.Target);
                await stack.RunUpAsync(ct);
                break;
            case Fault.Broker:
                await stack.RestartBrokerAsync(ct);
                break;
            // These two last a set time: their recovery counts from when the database or the CPU is given back.
            case Fault.DatabaseCut:
                await cut.RunAsync(fault.Target, ct);
                clock.Restart();
                break;
            case Fault.Slow:
                await stack.SlowDownAsync(fault.Target, Fault.SlowFor, ct);
                clock.Restart();
                break;
            default:
                await stack.RestartPostgresAsync(fault.Kind == Fault.PostgresFast ? "fast" : "immediate", ct);
                break;
        }
        while (!await stack.AllReadyAsync(ct))
        {
            if (clock.Elapsed > RecoveryTimeout) throw new TimeoutException($"the stack was not ready {RecoveryTimeout.TotalMinutes:0} min after {fault}");
            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        }
        Npgsql.NpgsqlConnection.ClearAllPools();
        _recoveries.Add((fault, clock.Elapsed));
        await output.WriteLineAsync($"  fault: {fault}; every service ready again after {clock.Elapsed.TotalSeconds:F1} s");
    }

    private async Task ReportFaultsAsync()
    {
        if (_recoveries.Count == 0) return;
        var times = _recoveries.Select(r => r.Recovery.TotalSeconds).Order().ToList();
        await output.WriteLineAsync($"faults: {_recoveries.Count} ({string.Join(", ", _recoveries.GroupBy(r => r.Fault.Kind).Select(g => $"{g.Count()} {g.Key}"))}); "
            + $"recovery median {times[times.Count / 2]:F1} s, max {times[^1]:F1} s");
        foreach (var kind in _recoveries.GroupBy(r => r.Fault.Kind))
        {
            var byKind = kind.Select(r => r.Recovery.TotalSeconds).Order().ToList();
            await output.WriteLineAsync($"  {kind.Key}: {byKind.Count}, recovery median {byKind[byKind.Count / 2]:F1} s, max {byKind[^1]:F1} s");
        }
    }
}
