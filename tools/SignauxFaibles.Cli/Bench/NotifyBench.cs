using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using MassTransit;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Notifications;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Nomenclatures.Geography;
using SignauxFaibles.Operations.Broker;
using SignauxFaibles.ServiceDefaults;
using SignauxFaibles.Cli.Token;

namespace SignauxFaibles.Cli.Bench;

/// <summary>
/// <c>sf bench notify</c>: latency from a <c>RiskLevelChanged</c> published to its inbox entry stored,
/// at a steady rate, through a running Notifications service. Seeds a roster (one officer per
/// département, three national) and one company per event with one or two establishments, then
/// publishes the changes at the given rate and reads the <c>OfficerAlerted</c> events, whose
/// AlertedAt is stamped in the transaction that stores the inbox entries. The timed phase starts
/// once the broker is quiet: the seeded establishments also reach the feature and scoring services,
/// whose work must not be counted against the notification path.
/// </summary>
internal static class NotifyBench
{
    private static readonly string[] Departements = [.. Cog.Departements.Keys.Order(StringComparer.Ordinal)];

    public static Command Create()
    {
        var rate = new Option<int>("--rate") { Description = "Changes published per second.", DefaultValueFactory = _ => 500 };
        var seconds = new Option<int>("--seconds") { Description = "How long to publish.", DefaultValueFactory = _ => 20 };
        var url = new Option<string>("--url") { Description = "Notifications service base address.", DefaultValueFactory = _ => "http://127.0.0.1:5108/" };
        var rabbit = new Option<string>("--rabbitmq") { Description = "Broker the service consumes from.", DefaultValueFactory = _ => "amqp://guest:guest@127.0.0.1:5673/" };
        var management = new Option<string?>("--management")
        {
            Description = "RabbitMQ management API, to wait for a quiet broker after seeding (default $SF_RABBITMQ_MANAGEMENT, else port 15673 of the broker's host).",
        };
        var level = new Option<RiskLevel>("--level")
        {
            Description = "Level the companies move to from None: Moderate (inbox and digest only) or High (a mail per officer at once, to see them in the mail sink).",
            DefaultValueFactory = _ => RiskLevel.Moderate,
        };
        var token = ApiToken.Option("Notifications (client sf-ops: roster import, inbox reads)");
        var command = new Command("notify", "Latency RiskLevelChanged → inbox entry (p50/p99) at a steady rate, through a running Notifications service.")
            { rate, seconds, level, url, rabbit, management, token };
        command.SetAction((r, ct) =>
        {
            var amqp = new Uri(r.GetValue(rabbit)!);
            var api = r.GetValue(management) ?? Environment.GetEnvironmentVariable("SF_RABBITMQ_MANAGEMENT") ?? $"http://{amqp.Host}:15673/";
            return RunAsync(r.GetValue(rate), r.GetValue(seconds), r.GetValue(level), new Uri(r.GetValue(url)!), new BrokerAddress(amqp, new Uri(api)),
                r.GetValue(token), r.InvocationConfiguration.Output, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(int rate, int seconds, RiskLevel level, Uri url, BrokerAddress broker, string? token, TextWriter output, CancellationToken ct)
    {
        var events = rate * seconds;
        var run = Random.Shared.Next(100, 999).ToString(CultureInfo.InvariantCulture);
        var companies = Enumerable.Range(0, events).Select(i => Siren.Parse($"{run}{i:D6}")).ToArray();
        var alertedAt = new ConcurrentDictionary<Siren, DateTimeOffset>();
        var alerts = 0;
        var endpoint = RabbitMqEndpoint.Parse(broker.Amqp);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(endpoint.Host, endpoint.Port, endpoint.VirtualHost, h =>
            {
                h.Username(endpoint.Username);
                h.Password(endpoint.Password);
            });
            cfg.ReceiveEndpoint(e => e.Handler<OfficerAlerted>(context =>
            {
                Interlocked.Increment(ref alerts);
                alertedAt.TryAdd(context.Message.Siren, context.Message.AlertedAt);
                return Task.CompletedTask;
            }));
        });
        await bus.StartAsync(ct);
        try
        {
            using var http = new HttpClient { BaseAddress = url }.Authorize(token);
            await output.WriteLineAsync($"machine: {MachineDescription.Describe()}");
            await SeedAsync(http, bus, companies, output, ct);
            await WaitForQuietBrokerAsync(broker, output, ct);

            var publishedAt = new DateTimeOffset[events];
            // A broker that stops confirming must end the run with an error, not hang it.
            using var publishing = CancellationTokenSource.CreateLinkedTokenSource(ct);
            publishing.CancelAfter(TimeSpan.FromSeconds(seconds + 120));
            var clock = Stopwatch.StartNew();
            var pending = new List<Task>(events);
            for (var i = 0; i < events; i++)
            {
                var due = TimeSpan.FromSeconds((double)i / rate);
                if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed, publishing.Token);
                publishedAt[i] = DateTimeOffset.UtcNow;
                pending.Add(bus.Publish(new RiskLevelChanged(companies[i], new YearMonth(2026, 10), RiskLevel.None, level, 0.3, "bench",
                    [new ThemeContribution("Dette sociale", 0.2)], [], publishedAt[i]), publishing.Token));
            }
            await Task.WhenAll(pending);
            var published = clock.Elapsed.TotalSeconds;
            while (alertedAt.Count < events && clock.Elapsed < TimeSpan.FromSeconds(seconds + 300)) await Task.Delay(50, ct);
            var total = clock.Elapsed.TotalSeconds;

            var latencies = companies.Select((c, i) => alertedAt.TryGetValue(c, out var at) ? (at - publishedAt[i]).TotalMilliseconds : double.NaN)
                .Where(l => !double.IsNaN(l)).Order().ToArray();
            await output.WriteLineAsync($"published {events:N0} changes in {published:F1} s = {events / published:N0}/s; "
                + $"{latencies.Length:N0} reached an inbox ({alerts:N0} inbox entries); last entry stored {LastStored(alertedAt, publishedAt[0]):F1} s "
                + $"after the first change, last OfficerAlerted relayed after {total:F1} s");
            await output.WriteLineAsync($"latency published → inbox entry stored: p50 {Percentile(latencies, 0.50):N0} ms, "
                + $"p90 {Percentile(latencies, 0.90):N0} ms, p99 {Percentile(latencies, 0.99):N0} ms, max {latencies.LastOrDefault():N0} ms");
            return latencies.Length == events ? 0 : 1;
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Officers everywhere, and the companies' establishments; returns once the service knows them.</summary>
    private static async Task SeedAsync(HttpClient http, IBusControl bus, Siren[] companies, TextWriter output, CancellationToken ct)
    {
        var roster = new StringBuilder("Niveau;Institution;Accès géographique;Prénom;Nom;E-mail;Droits\n");
        foreach (var d in Departements) roster.Append(CultureInfo.InvariantCulture, $"A;DREETS;{d};Agent;Dep{d};bench-{d}@bench.example.fr;score\n");
        for (var n = 1; n <= 3; n++) roster.Append(CultureInfo.InvariantCulture, $"A;Banque de France;France;Agent;National{n};bench-national-{n}@bench.example.fr;score\n");
        using (var content = new StringContent(roster.ToString(), Encoding.UTF8))
        {
            (await http.PostAsync("api/officers/roster?fileName=bench-roster.csv", content, ct)).EnsureSuccessStatusCode();
        }

        var random = new Random(7);
        var records = companies.SelectMany(siren => Enumerable.Range(1, random.Next(1, 3)).Select(n =>
        {
            var siret = Siret.Parse($"{siren.Value}{n:D5}");
            return new EstablishmentRegistration(siret.Value, siret, n == 1, null, "25.62B", "NAFRev2", "12", null, null, null, null, null, null,
                Departements[random.Next(Departements.Length)], null, true, null, null, null);
        })).ToList();
        var clock = Stopwatch.StartNew();
        var lastOfChunks = new List<Siren>();
        foreach (var chunk in records.Chunk(1000))
        {
            await bus.Publish(new EstablishmentRegistered(new RecordProvenance(DataSource.Insee, Guid.NewGuid(), 1, "bench"), chunk), ct);
            lastOfChunks.Add(chunk[^1].Siret.Siren);
        }
        foreach (var siren in lastOfChunks)
        {
            while ((await http.GetFromJsonAsync<object[]>($"api/companies/{siren.Value}/establishments", ct))!.Length == 0)
            {
                if (clock.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException("establishments not stored after 10 minutes");
                await Task.Delay(100, ct);
            }
        }
        await output.WriteLineAsync($"seeded {Departements.Length + 3} officers and {companies.Length:N0} companies ({records.Count:N0} establishments) in {clock.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>
    /// Waits until no consumed queue holds a message and none receives any, and the machine's
    /// processors are mostly idle, over two samples six seconds apart: the management statistics
    /// lag by up to five seconds.
    /// </summary>
    private static async Task WaitForQuietBrokerAsync(BrokerAddress broker, TextWriter output, CancellationToken ct)
    {
        using var management = new RabbitMqManagementClient(broker);
        var clock = Stopwatch.StartNew();
        var quietSamples = 0;
        while (quietSamples < 2)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException("the broker was still busy 10 minutes after seeding");
            await Task.Delay(TimeSpan.FromSeconds(quietSamples == 0 ? 1 : 6), ct);
            var busy = (await management.QueuesAsync(ct))
                .Where(q => q.Consumers > 0 && !q.IsErrorQueue && !q.IsSkippedQueue)
                .Any(q => q.Depth > 0 || q.PublishRate > 0);
            // The feature service computes between its queues: an empty broker is not yet a quiet machine.
            busy = busy || await MachineBusyShareAsync(ct) > 0.25;
            quietSamples = busy ? 0 : quietSamples + 1;
        }
        await output.WriteLineAsync($"broker and machine quiet after {clock.Elapsed.TotalSeconds:F1} s (the other services' share of the seeding is done)");
    }

    /// <summary>Share of processor time busy over two seconds (Linux /proc/stat; 0 where it cannot be read).</summary>
    private static async Task<double> MachineBusyShareAsync(CancellationToken ct)
    {
        static (long Busy, long Total)? Read()
        {
            if (!File.Exists("/proc/stat")) return null;
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            var idle = fields[3] + fields[4]; // idle + iowait
            return (fields.Sum() - idle, fields.Sum());
        }
        var before = Read();
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        var after = Read();
        if (before is not { } b || after is not { } a || a.Total == b.Total) return 0;
        return (double)(a.Busy - b.Busy) / (a.Total - b.Total);
    }

    private static double LastStored(ConcurrentDictionary<Siren, DateTimeOffset> alertedAt, DateTimeOffset first) =>
        alertedAt.IsEmpty ? double.NaN : (alertedAt.Values.Max() - first).TotalSeconds;

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
