using System.Net;
using System.Net.Http.Json;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.IntegrationTests.WalkingSkeleton;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Operations;

/// <summary>
/// The metrics ops dashboards and alert rules read are on each service's /metrics (Prometheus text)
/// after a delivery: ingestion counts per source and durations, outbox backlog.
/// Meters are static, so every service hosted in the test process reports into them: the test runs
/// alone (its collection disables parallelisation) and compares the figures before and after.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class MetricsEndpointTests(SkeletonFixture skeleton) : IClassFixture<SkeletonFixture>
{
    [Fact]
    public async Task A_delivery_shows_in_the_ingestion_outbox_and_consumer_metrics()
    {
        var client = skeleton.Ingestion.CreateClient();
        var before = await client.GetStringAsync("/metrics");
        // The reference débit sample plus one broken line: 3 records accepted, 1 line rejected.
        var file = (await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "fixtures", "urssaf_debit", "debitTestData.csv")))
            + "999;broken;line\n";
        using var content = new StringContent(file);
        var response = await client.PostAsync("/api/files/urssaf-debit?wait=true&fileName=debit-metrics.csv", content);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var batch = (await response.Content.ReadFromJsonAsync<BatchResponse>())!;
        await Eventually.UntilAsync(() => client.GetFromJsonAsync<BatchResponse>($"/api/batches/{batch.Id}")!,
            b => b!.Status == "Completed", TimeSpan.FromSeconds(30), "batch completed");

        var ingestion = await client.GetStringAsync("/metrics");
        double Delta(string name, params string[] labels) => Value(ingestion, name, labels) - Value(before, name, labels, missingIsZero: true);
        Assert.Equal(3, Delta("sf_ingestion_records_accepted_total", "source=\"Urssaf\"", "file_kind=\"urssaf-debit\""));
        Assert.Equal(1, Delta("sf_ingestion_lines_rejected_total", "source=\"Urssaf\""));
        Assert.Equal(4, Delta("sf_ingestion_lines_read_total", "source=\"Urssaf\""));
        Assert.Equal(1, Delta("sf_ingestion_batch_duration_seconds_count", "outcome=\"published\""));
        Assert.Equal(1, Delta("sf_ingestion_batch_delivery_duration_seconds_count", "outcome=\"completed\""));
        var lastFile = Value(ingestion, "sf_ingestion_last_file_time_seconds", "source=\"Urssaf\"");
        Assert.InRange(lastFile, DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
        Assert.True(Value(ingestion, "sf_outbox_pending", "outbox=\"IngestionDbContext\"") >= 0);
        Assert.True(Value(ingestion, "sf_outbox_oldest_age_seconds", "outbox=\"IngestionDbContext\"") >= 0);
        Assert.True(Value(ingestion, "sf_outbox_published_total") >= 2, "chunk and batch events relayed");

        // MassTransit's consumer timings (messaging_masstransit_consume_duration_*) are not checked here:
        // MassTransit binds its meter to the first host of the process, and a test process starts many.
        // deploy/prometheus/check-live.sh checks them on the services run as separate processes.
    }

    /// <summary>Sum of the samples of <paramref name="name"/> whose labels contain every given label.</summary>
    private static double Value(string metrics, string name, params string[] labels) => Value(metrics, name, labels, missingIsZero: false);

    private static double Value(string metrics, string name, string[] labels, bool missingIsZero)
    {
        var samples = metrics.Split('\n')
            .Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal))
            .Where(l => labels.All(label => l.Contains(label, StringComparison.Ordinal)))
            .ToList();
        if (samples.Count == 0 && missingIsZero) return 0;
        Assert.True(samples.Count > 0, $"no sample of {name} with {string.Join(",", labels)}:\n{Excerpt(metrics, name.Split('_')[1])}");
        return samples.Sum(l => double.Parse(l.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Excerpt(string metrics, string word) =>
        string.Join('\n', metrics.Split('\n').Where(l => l.Contains(word, StringComparison.Ordinal) && !l.StartsWith('#')).Take(40));
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "metrics (process-wide meters)";
}
