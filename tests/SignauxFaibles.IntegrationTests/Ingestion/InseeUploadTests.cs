using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.Ingestion.Insee.Data;
using SignauxFaibles.IntegrationTests.WalkingSkeleton;
using SignauxFaibles.Messaging.Outbox;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Ingestion;

/// <summary>
/// Sirene files uploaded over HTTP, kind recognised from the name, against the real broker and
/// database: counts, records at a consumer, and the monthly re-delivery case — the same stock again
/// (even as other bytes) publishes nothing, a stock with one changed row publishes exactly that row.
/// </summary>
public sealed class InseeUploadTests(InseeIngestionFixture fixture) : IClassFixture<InseeIngestionFixture>
{
    private const string ChangedSiret = "00552013500038";

    private static string Fixture(string folder, string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", folder, name);

    [Fact]
    public async Task A_stock_delivered_again_publishes_only_what_changed()
    {
        var client = fixture.Ingestion.CreateClient();
        var gzipped = await File.ReadAllBytesAsync(Fixture("sirene", "StockEtablissement_utf8_geo.csv.gz"));

        var first = await UploadCompletedAsync(client, gzipped, "StockEtablissement_utf8_geo.csv.gz");
        Assert.Equal((40L, 40L, 0L, 40L), (first.LinesRead, first.RecordsAccepted, first.LinesRejected, first.RecordsPublished));
        var received = await ReceivedAsync(first.Id, 40);
        Assert.All(received, r => Assert.Equal("EstablishmentRegistered", r.Event));
        Assert.Equal(40, received.Select(r => r.Key).Distinct().Count());

        // The same bytes: the original batch answers.
        using (var again = await UploadAsync(client, gzipped, "StockEtablissement_utf8_geo.csv.gz"))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(first.Id, (await again.Content.ReadFromJsonAsync<BatchResponse>())!.Id);
        }

        // The same stock as other bytes (not gzipped): read again, nothing published.
        var plain = Decompress(gzipped);
        var unchanged = await UploadCompletedAsync(client, plain, "StockEtablissement_utf8_geo.csv");
        Assert.NotEqual(first.Id, unchanged.Id);
        Assert.Equal((40L, 40L, 0L), (unchanged.LinesRead, unchanged.RecordsAccepted, unchanged.RecordsPublished));

        // One establishment moved street: only it is published, as a change.
        var text = Encoding.UTF8.GetString(plain);
        Assert.Single(text.Split('\n'), l => l.Contains("DE LAUSANNE", StringComparison.Ordinal));
        var modified = Encoding.UTF8.GetBytes(text.Replace("DE LAUSANNE", "DE GENEVE", StringComparison.Ordinal));
        var changed = await UploadCompletedAsync(client, modified, "StockEtablissement_utf8_geo.csv");
        Assert.Equal((40L, 40L, 1L), (changed.LinesRead, changed.RecordsAccepted, changed.RecordsPublished));
        Assert.Equal([("EstablishmentChanged", ChangedSiret)], await ReceivedAsync(changed.Id, 1));

        await AssertNothingMoreAsync();
        Assert.Empty(fixture.Log.Of(unchanged.Id));
        Assert.Equal(40, fixture.Log.Of(first.Id).Count);
        Assert.Single(fixture.Log.Of(changed.Id));
    }

    [Fact]
    public async Task Legal_units_and_history_complete_with_their_counts_and_reach_the_consumer()
    {
        var client = fixture.Ingestion.CreateClient();

        var units = await UploadCompletedAsync(client, await File.ReadAllBytesAsync(Fixture("sirene_ul", "sireneULTestData.csv")), "sireneULTestData.csv");
        Assert.Equal(("sirene-ul", 4L, 3L, 1L, 3L), (units.FileKind, units.LinesRead, units.RecordsAccepted, units.LinesRejected, units.RecordsPublished));
        Assert.Equal(["112233445", "138426539", "238307776"], (await ReceivedAsync(units.Id, 3)).Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.All(fixture.Log.Of(units.Id), r => Assert.Equal("CompanyRegistered", r.Event));
        var rejects = await client.GetStringAsync($"/api/batches/{units.Id}/rejects");
        Assert.Contains("invalid_date", rejects, StringComparison.Ordinal);

        const string history = "StockEtablissementHistorique_sample.csv";
        var periods = await UploadCompletedAsync(client, await File.ReadAllBytesAsync(Fixture("sirene_historique", history)), history);
        Assert.Equal(("sirene-historique", 6L, 4L, 2L, 4L), (periods.FileKind, periods.LinesRead, periods.RecordsAccepted, periods.LinesRejected, periods.RecordsPublished));
        Assert.All(await ReceivedAsync(periods.Id, 4), r => Assert.Equal("EstablishmentPeriodsRecorded", r.Event));
    }

    [Fact]
    public async Task Pushed_establishments_go_through_the_same_change_filter()
    {
        var client = fixture.Ingestion.CreateClient();
        var record = new EstablishmentRegistration("44306184100047", Siret.Parse("44306184100047"), true, new DateOnly(2002, 11, 4), "62.01Z", "NAFRev2",
            "12", "3", "RUE", "DE LA GARE", "97400", "SAINT-DENIS", "97411", "974", "04", true, new DateOnly(2002, 11, 4), null, null);

        var registered = await PushAsync(client, record);
        var repeated = await PushAsync(client, record);
        var moved = await PushAsync(client, record with { StreetNumber = "5" });

        Assert.Equal((1L, 0L, 1L), (registered.RecordsPublished, repeated.RecordsPublished, moved.RecordsPublished));
        Assert.Equal([("EstablishmentRegistered", "44306184100047")], await ReceivedAsync(registered.Id, 1));
        Assert.Equal([("EstablishmentChanged", "44306184100047")], await ReceivedAsync(moved.Id, 1));
        await AssertNothingMoreAsync();
        Assert.Empty(fixture.Log.Of(repeated.Id));
    }

    private static async Task<BatchResponse> PushAsync(HttpClient client, EstablishmentRegistration record)
    {
        using var response = await client.PostAsJsonAsync("/api/records/sirene-etablissement", new[] { record });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<BatchResponse>())!;
    }

    private async Task<List<(string Event, string Key)>> ReceivedAsync(Guid batchId, int count) =>
        [.. await Eventually.UntilAsync(() => Task.FromResult(fixture.Log.Of(batchId)), r => r.Count >= count, TimeSpan.FromSeconds(30),
            $"{count} records of batch {batchId} at the consumer")];

    private async Task AssertNothingMoreAsync()
    {
        await Eventually.UntilAsync(() => Db.QueryAsync<IngestionDbContext, int>(fixture.Ingestion.Services, db => db.Set<OutboxMessage>().CountAsync()),
            n => n == 0, TimeSpan.FromSeconds(30), "outbox drained");
        await Task.Delay(500);
    }

    private static async Task<BatchResponse> UploadCompletedAsync(HttpClient client, byte[] content, string fileName)
    {
        using var response = await UploadAsync(client, content, fileName);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var batch = (await response.Content.ReadFromJsonAsync<BatchResponse>())!;
        // Completed once the relay has delivered every chunk to the broker.
        return (await Eventually.UntilAsync(() => client.GetFromJsonAsync<BatchResponse>($"/api/batches/{batch.Id}")!,
            b => b!.Status == "Completed", TimeSpan.FromSeconds(30), $"{fileName} completed"))!;
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName) =>
        client.PostAsync($"/api/files?wait=true&fileName={Uri.EscapeDataString(fileName)}", new ByteArrayContent(content));

    internal static byte[] Decompress(byte[] gzipped)
    {
        using var input = new GZipStream(new MemoryStream(gzipped), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
