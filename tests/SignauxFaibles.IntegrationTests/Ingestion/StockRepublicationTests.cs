using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.Ingestion.Files;
using SignauxFaibles.Ingestion.Insee.Data;
using SignauxFaibles.IntegrationTests.WalkingSkeleton;
using SignauxFaibles.Messaging.Outbox;
using SignauxFaibles.Security.Audit;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Ingestion;

/// <summary>
/// A consumer added after the Sirene stock was delivered asks for its whole current state: every key
/// once, with its latest content, whether it came from the first stock, a later changed stock or a
/// push; the next delivery is still compared with what was delivered; a raw file gone fails the
/// republication with its reason and publishes nothing.
/// </summary>
public sealed class StockRepublicationTests(InseeIngestionFixture fixture) : IClassFixture<InseeIngestionFixture>
{
    private const string Kind = "sirene-etablissement";
    private const string MovedSiret = "00552013500038";
    private const string PushedSiret = "44306184100047";

    [Fact]
    public async Task A_stock_publishes_its_whole_current_state_again_on_request_and_fails_whole_when_a_delivery_is_gone()
    {
        var client = fixture.Ingestion.CreateClient();
        var gzipped = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "fixtures", "sirene", "StockEtablissement_utf8_geo.csv.gz"));
        var first = await DeliverAsync(client, gzipped, "StockEtablissement_utf8_geo.csv.gz", published: 40);
        var moved = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(InseeUploadTests.Decompress(gzipped)).Replace("DE LAUSANNE", "DE GENEVE", StringComparison.Ordinal));
        var changed = await DeliverAsync(client, moved, "StockEtablissement_utf8.csv", published: 1);
        var pushed = new EstablishmentRegistration(PushedSiret, Siret.Parse(PushedSiret), true, new DateOnly(2002, 11, 4), "62.01Z", "NAFRev2",
            "12", "3", "RUE", "DE LA GARE", "97400", "SAINT-DENIS", "97411", "974", "04", true, new DateOnly(2002, 11, 4), null, null);
        var pushes = new[] { await PushAsync(client, pushed), await PushAsync(client, pushed with { StreetNumber = "5" }) };

        // What a consumer that saw everything holds: the latest record of each key.
        var expected = new Dictionary<string, ISourceRecord>(StringComparer.Ordinal);
        foreach (var batch in new[] { first, changed }.Concat(pushes))
        {
            foreach (var record in await ReceivedAsync(batch.Id, batch.RecordsPublished)) expected[record.RecordKey] = record;
        }
        Assert.Equal(41, expected.Count);

        using (var institution = new HttpRequestMessage(HttpMethod.Post, $"/api/republications/{Kind}"))
        {
            institution.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Institution("insee", "ingest:insee"));
            using var refused = await client.SendAsync(institution);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        var ops = fixture.Ingestion.CreateClient();
        ops.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Operator("ops.republisher"));
        using (var unknown = await ops.PostAsync("/api/republications/sirene-nothing", null))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        var republication = await RepublishAsync(ops, HttpStatusCode.Created);
        Assert.Equal(("Published or Completed", 41L, 41L, 41L, 0L),
            (republication.Status is "Published" or "Completed" ? "Published or Completed" : republication.Status,
             republication.LinesRead, republication.RecordsAccepted, republication.RecordsPublished, republication.LinesRejected));
        var republished = await ReceivedAsync(republication.Id, 41);
        Assert.All(fixture.Log.Of(republication.Id), r => Assert.Equal(nameof(EstablishmentRegistered), r.Event));
        Assert.Equal(41, republished.Select(r => r.RecordKey).Distinct().Count());
        Assert.Equal(expected.OrderBy(e => e.Key).Select(e => e.Value), republished.OrderBy(r => r.RecordKey, StringComparer.Ordinal));
        Assert.Equal("DE GENEVE", ((EstablishmentRegistration)republished.Single(r => r.RecordKey == MovedSiret)).StreetName);
        Assert.Equal("5", ((EstablishmentRegistration)republished.Single(r => r.RecordKey == PushedSiret)).StreetNumber);
        await Eventually.UntilAsync(() => client.GetFromJsonAsync<BatchResponse>($"/api/batches/{republication.Id}")!,
            b => b!.Status == "Completed", TimeSpan.FromSeconds(30), "republication completed");

        var audit = await Db.QueryAsync<IngestionDbContext, List<AuditEntry>>(fixture.Ingestion.Services,
            db => db.Set<AuditEntry>().Where(a => a.Action == AuditActions.StockRepublished).ToListAsync());
        Assert.Equal(("ops.republisher", Kind, AuditOutcomes.Allowed), (audit.Single().Actor, audit.Single().Resource, audit.Single().Outcome));

        // The fingerprints are untouched: the same stock delivered again still publishes nothing.
        await DeliverAsync(client, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(moved) + "\n"), "StockEtablissement_utf8_again.csv", published: 0);

        // The first delivery's raw file is gone: the republication fails with the reason, nothing goes out.
        fixture.Ingestion.Services.GetRequiredService<RawFileStore>().Delete(first.ContentSha256);
        var failed = await RepublishAsync(ops, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("Failed", 0L), (failed.Status, failed.RecordsPublished));
        Assert.Contains($"raw file of batch {first.Id}", failed.FailureReason, StringComparison.Ordinal);
        await Eventually.UntilAsync(() => Db.QueryAsync<IngestionDbContext, int>(fixture.Ingestion.Services, db => db.Set<OutboxMessage>().CountAsync()),
            n => n == 0, TimeSpan.FromSeconds(30), "outbox drained");
        Assert.Empty(fixture.Log.Of(failed.Id));
    }

    private static async Task<BatchResponse> RepublishAsync(HttpClient ops, HttpStatusCode status)
    {
        using var response = await ops.PostAsync($"/api/republications/{Kind}?wait=true", null);
        Assert.Equal(status, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<BatchResponse>())!;
    }

    private async Task<IReadOnlyList<ISourceRecord>> ReceivedAsync(Guid batchId, long count) =>
        await Eventually.UntilAsync(() => Task.FromResult(fixture.Log.RecordsOf(batchId)), r => r.Count >= count, TimeSpan.FromSeconds(30),
            $"{count} records of batch {batchId} at the consumer");

    private static async Task<BatchResponse> DeliverAsync(HttpClient client, byte[] content, string fileName, long published)
    {
        using var response = await client.PostAsync($"/api/files?wait=true&fileName={Uri.EscapeDataString(fileName)}", new ByteArrayContent(content));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var batch = (await response.Content.ReadFromJsonAsync<BatchResponse>())!;
        Assert.Equal(published, batch.RecordsPublished);
        return batch;
    }

    private static async Task<BatchResponse> PushAsync(HttpClient client, EstablishmentRegistration record)
    {
        using var response = await client.PostAsJsonAsync($"/api/records/{Kind}", new[] { record });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var batch = (await response.Content.ReadFromJsonAsync<BatchResponse>())!;
        Assert.Equal(1L, batch.RecordsPublished);
        return batch;
    }
}
