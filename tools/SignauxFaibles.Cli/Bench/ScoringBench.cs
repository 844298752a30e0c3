using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Indicators;
using SignauxFaibles.Cli.Token;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.ServiceDefaults;

namespace SignauxFaibles.Cli.Bench;

/// <summary>
/// <c>sf bench scoring</c>, through a running Scoring service with an active model: (1) online
/// scoring of N companies announced as the feature service does (chunks of 500), (2) a rescore of
/// all of them, (3) single-company latency, from <c>CompanyIndicatorsUpdated</c> published to
/// <c>RiskScored</c> received, one company at a time. Values are random (the cost of a tree walk
/// does not depend on them); companies get SIRENs of their own, so runs do not collide.
/// </summary>
internal static class ScoringBench
{
    private const int Chunk = 500;

    public static Command Create()
    {
        var companies = new Option<int>("--companies") { Description = "Companies to score online, then rescore.", DefaultValueFactory = _ => 350_000 };
        var samples = new Option<int>("--latency-samples") { Description = "Single-company updates timed one after the other.", DefaultValueFactory = _ => 200 };
        var url = new Option<string>("--url") { Description = "Scoring service base address.", DefaultValueFactory = _ => "http://127.0.0.1:5107/" };
        var rabbit = new Option<string>("--rabbitmq") { Description = "Broker the service consumes from.", DefaultValueFactory = _ => "amqp://guest:guest@127.0.0.1:5673/" };
        var token = ApiToken.Option("Scoring (client sf-ops: models, rescore, status)");
        var command = new Command("scoring", "Online scoring rate, rescore time of the whole perimeter, and single-score latency through a running Scoring service.")
            { companies, samples, url, rabbit, token };
        command.SetAction((r, ct) => RunAsync(r.GetValue(companies), r.GetValue(samples), new Uri(r.GetValue(url)!), new Uri(r.GetValue(rabbit)!),
            r.GetValue(token), r.InvocationConfiguration.Output, ct));
        return command;
    }

    private static async Task<int> RunAsync(int count, int samples, Uri url, Uri rabbitUri, string? token, TextWriter output, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(5) }.Authorize(token);
        var models = await http.GetFromJsonAsync<JsonElement>("api/models", ct);
        var active = models.EnumerateArray().FirstOrDefault(m => m.GetProperty("isActive").GetBoolean());
        if (active.ValueKind == JsonValueKind.Undefined)
        {
            await output.WriteLineAsync("no active model: register and promote one first (the run command seeds deploy/models/synthetic-lightgbm)");
            return 1;
        }
        var features = active.GetProperty("features").EnumerateArray().Select(f => f.GetString()!).Where(f => !f.Contains('=', StringComparison.Ordinal)).ToArray();
        await output.WriteLineAsync($"machine: {MachineDescription.Describe()}");
        await output.WriteLineAsync($"model {active.GetProperty("version").GetString()}: {features.Length} numeric features");

        var scoredAt = new ConcurrentDictionary<Siren, DateTimeOffset>();
        var endpoint = RabbitMqEndpoint.Parse(rabbitUri);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(endpoint.Host, endpoint.Port, endpoint.VirtualHost, h =>
            {
                h.Username(endpoint.Username);
                h.Password(endpoint.Password);
            });
            cfg.ReceiveEndpoint(e => e.Handler<RiskScored>(context =>
            {
                scoredAt[context.Message.Siren] = DateTimeOffset.UtcNow;
                return Task.CompletedTask;
            }));
        });
        await bus.StartAsync(ct);
        try
        {
            var random = new Random(7);
            var prefix = Random.Shared.Next(10, 99);
            var sirens = Enumerable.Range(0, count).Select(i => Siren.Parse(Valid($"{prefix}{i:D6}"))).ToArray();
            var before = await CompaniesAsync(http, ct);
            var clock = Stopwatch.StartNew();
            foreach (var chunk in sirens.Chunk(Chunk))
                await bus.Publish(new CompanyIndicatorsUpdated(chunk.Select(s => Company(s, 1, features, random)).ToArray(), DateTimeOffset.UtcNow), ct);
            var published = clock.Elapsed.TotalSeconds;
            while (await CompaniesAsync(http, ct) < before + count) await Task.Delay(500, ct);
            var online = clock.Elapsed.TotalSeconds;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"online: {count:N0} companies published in {published:F1} s, all scored after {online:F1} s = {count / online:N0} companies/s"));

            clock.Restart();
            var response = await http.PostAsync("api/scores/rescore", null, ct);
            response.EnsureSuccessStatusCode();
            var run = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("rescore").GetInt64();
            JsonElement state;
            do
            {
                await Task.Delay(250, ct);
                state = await http.GetFromJsonAsync<JsonElement>($"api/scores/rescore/{run}", ct);
            }
            while (state.GetProperty("status").GetString() is "Queued" or "Running");
            var rescore = clock.Elapsed.TotalSeconds;
            var rescored = state.GetProperty("companies").GetInt32();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"rescore: {state.GetProperty("status").GetString()}, {rescored:N0} companies ({state.GetProperty("scored").GetInt32():N0} scored, {state.GetProperty("levelChanges").GetInt32():N0} level changes) in {rescore:F1} s = {rescored / rescore:N0} companies/s"));

            var latencies = new List<double>();
            for (var i = 0; i < samples; i++)
            {
                var siren = sirens[i % sirens.Length];
                scoredAt.TryRemove(siren, out _);
                var sent = DateTimeOffset.UtcNow;
                await bus.Publish(new CompanyIndicatorsUpdated([Company(siren, 2 + i, features, random)], sent), ct);
                var wait = Stopwatch.StartNew();
                while (!scoredAt.ContainsKey(siren) && wait.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(1, ct);
                if (scoredAt.TryGetValue(siren, out var at)) latencies.Add((at - sent).TotalMilliseconds);
            }
            var sorted = latencies.Order().ToArray();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"single company, published → RiskScored received ({sorted.Length} of {samples}): p50 {Percentile(sorted, 0.5):F1} ms, p99 {Percentile(sorted, 0.99):F1} ms, max {sorted.LastOrDefault():F1} ms"));
            return state.GetProperty("status").GetString() == "Completed" && sorted.Length == samples ? 0 : 1;
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }

    private static CompanyIndicators Company(Siren siren, long revision, string[] features, Random random)
    {
        var values = new Dictionary<string, double>(features.Length + 2);
        foreach (var feature in features)
            if (random.NextDouble() > 0.3) values[feature] = Math.Round(random.NextDouble() * 100, 2);
        values["perimetre"] = 1;
        values["en_procedure"] = 0;
        var labels = new Dictionary<string, string>
        {
            ["departement"] = random.Next(1, 96).ToString("D2", CultureInfo.InvariantCulture),
            ["naf_section"] = ((char)('A' + random.Next(0, 21))).ToString(),
        };
        return new CompanyIndicators(siren, [new MonthlyIndicators(new YearMonth(2026, 10), values, labels)], revision);
    }

    private static async Task<int> CompaniesAsync(HttpClient http, CancellationToken ct) =>
        (await http.GetFromJsonAsync<JsonElement>("api/scores/status", ct)).GetProperty("companies").GetInt32();

    /// <summary>Appends the Luhn check digit to 8 digits.</summary>
    private static string Valid(string eight)
    {
        for (var check = 0; check < 10; check++)
            if (Siren.TryParse(eight + check, out _)) return eight + check;
        throw new InvalidOperationException(eight);
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
