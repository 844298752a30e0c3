using System.CommandLine;
using System.Diagnostics;
using SignauxFaibles.Cli.Load;
using SignauxFaibles.Cli.Ops;
using SignauxFaibles.Cli.Token;
using SignauxFaibles.Operations.Status;
using SignauxFaibles.Synthesis;

namespace SignauxFaibles.Cli.Chaos;

/// <summary>
/// <c>sf ops chaos --input DIR</c>: a fault campaign on the stack run.sh started. Delivers a dataset
/// through the gateway and, on a seeded schedule during the load, kills each service in turn (an
/// ingestion service while it takes a file), restarts RabbitMQ and PostgreSQL (fast and immediate);
/// restarts what it killed with the run command, waits until the platform settles, then checks that
/// nothing was lost or doubled (<see cref="CampaignChecks"/>). Exit codes: 0 no difference, 1
/// differences, 2 usage or a fault that could not be recovered.
/// </summary>
internal static class ChaosCommand
{
    public static Command Create()
    {
        var input = new Option<DirectoryInfo?>("--input") { Description = "Folder of files to deliver (e.g. sf synth output); or --companies." };
        var companies = new Option<int?>("--companies") { Description = "Instead of --input: each round delivers a synthetic population of this many companies (the 18 months up to the last complete one, seed --seed + round - 1)." };
        var rounds = new Option<int>("--rounds") { Description = "Rounds, each a load with every fault of the cycle then its checks (a long campaign: many rounds; needs --companies).", DefaultValueFactory = _ => 1 };
        var samples = new Option<FileInfo?>("--samples") { Description = "CSV of the services' memory and the queues' depth sampled every 15 s during the campaign (default: a temporary file)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the fault schedule.", DefaultValueFactory = _ => 1 };
        var faults = new Option<string>("--faults") { Description = $"Kinds of fault, comma-separated: {string.Join(", ", Fault.Kinds)}, or none.", DefaultValueFactory = _ => string.Join(',', Fault.Kinds) };
        var gateway = new Option<Uri>("--gateway") { Description = "Gateway of the running stack.", DefaultValueFactory = _ => new Uri("http://127.0.0.1:5100/") };
        var secret = new Option<string?>("--secret") { Description = $"The institutions' client secret; default ${TokenCommand.SecretVariable}." };
        var mailSink = new Option<Uri?>("--mail-sink") { Description = "Web address of the development mail sink (run.sh's smtp4dev), to count mails received.", DefaultValueFactory = _ => new Uri("http://127.0.0.1:5180/") };
        var settle = new Option<int>("--settle-timeout") { Description = "Seconds to wait for the platform to settle after the load.", DefaultValueFactory = _ => 900 };
        var kill = new Option<string?>("--kill") { Description = "Services to kill, comma-separated (default: every service of deploy/local/services.tsv, each in turn)." };
        var repo = new Option<DirectoryInfo?>("--repo") { Description = "The checkout whose deploy/local/run.sh started the stack (default: found above the current folder)." };
        var command = new Command("chaos", "Fault campaign on the running local stack: deliver a dataset while killing and restarting its parts, then check nothing was lost or doubled.")
        {
            input, companies, rounds, samples, seed, faults, kill, gateway, secret, mailSink, settle, repo,
        };
        command.SetAction(async (r, ct) =>
        {
            var (output, error) = (r.InvocationConfiguration.Output, r.InvocationConfiguration.Error);
            var kinds = r.GetValue(faults)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(k => k != "none").ToHashSet();
            if (kinds.Except(Fault.Kinds).ToList() is { Count: > 0 } unknown)
            {
                await error.WriteLineAsync($"sf ops chaos: unknown fault kind(s) {string.Join(", ", unknown)}; kinds: {string.Join(", ", Fault.Kinds)}.");
                return 2;
            }
            if ((r.GetValue(secret) ?? Environment.GetEnvironmentVariable(TokenCommand.SecretVariable)) is not { Length: > 0 } clientSecret)
            {
                await error.WriteLineAsync($"sf ops chaos: no client secret: give --secret or set {TokenCommand.SecretVariable}.");
                return 2;
            }
            if ((r.GetValue(input) is null) == (r.GetValue(companies) is null) || (r.GetValue(input) is not null && r.GetValue(rounds) != 1) || r.GetValue(rounds) < 1)
            {
                await error.WriteLineAsync("sf ops chaos: give --input (one round) or --companies (one synthetic population per round, --rounds N).");
                return 2;
            }
            var work = Directory.CreateTempSubdirectory("sf-chaos-");
            try
            {
                var stack = LocalStack.Find(r.GetValue(repo)?.FullName ?? Environment.CurrentDirectory);
                var victims = r.GetValue(kill)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? stack.Services.Select(s => s.Name).ToArray();
                if (victims.Except(stack.Services.Select(s => s.Name)).ToList() is { Count: > 0 } strangers)
                {
                    await error.WriteLineAsync($"sf ops chaos: no service {string.Join(", ", strangers)} in deploy/local/services.tsv.");
                    return 2;
                }
                var (postgres, gatewayAddress) = (OpsConnection.PostgresServer(r), r.GetValue(gateway)!);
                var collector = new StatusCollector(OpsConnection.Broker(r), postgres);
                var alerts = new AlertCheck(postgres, gatewayAddress, clientSecret, output);
                var panel = new PanelCheck(postgres, output, new ScoreCheck(postgres, gatewayAddress, clientSecret, output), alerts);
                var campaign = new Campaign(stack, collector, postgres, new CampaignChecks(postgres, r.GetValue(mailSink)), panel, new DatabaseCut(postgres), output);
                await alerts.EnrolAsync(ct);
                await using var sampler = new ResourceSampler(stack, OpsConnection.Broker(r), r.GetValue(samples)?.FullName ?? Path.Combine(work.FullName, "samples.csv"), TimeSpan.FromSeconds(15));
                sampler.Start();
                var result = await campaign.RunAsync(r.GetValue(rounds), round => r.GetValue(input) ?? Synthesize(work, round, r.GetValue(companies)!.Value, r.GetValue(seed)),
                    () => new ResilientDelivery(gatewayAddress, clientSecret, TimeSpan.FromMinutes(10), output), kinds, victims, r.GetValue(seed), TimeSpan.FromSeconds(r.GetValue(settle)), ct);
                await sampler.ReportAsync(output);
                return result;
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or TimeoutException or HttpRequestException)
            {
                await error.WriteLineAsync($"sf ops chaos: {ex.Message}");
                return 2;
            }
            finally
            {
                if (r.GetValue(samples) is null) work.Delete(recursive: true);
                else foreach (var round in work.GetDirectories()) round.Delete(recursive: true);
            }
        });
        return command;
    }

    /// <summary>
    /// A round's population: its own seed, so its companies are not another round's; its 18 months
    /// end at the last complete month, the month a live stack scores, so that its scores and alerts
    /// are compared too (older data would leave every company out of the perimeter).
    /// </summary>
    private static DirectoryInfo Synthesize(DirectoryInfo work, int round, int companies, int seed)
    {
        var folder = work.CreateSubdirectory($"round-{round}");
        var last = SignauxFaibles.Indicators.Panel.ScorableMonth.LastComplete(DateTimeOffset.UtcNow);
        var to = Month.Of(last.Year, last.Month);
        SyntheticDataset.Generate(new SynthesisOptions { Companies = companies, From = to.Add(-17), To = to, Seed = (ulong)(seed + round - 1) }, folder.FullName);
        return folder;
    }
}
