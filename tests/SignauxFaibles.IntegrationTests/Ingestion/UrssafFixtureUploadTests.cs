using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Files;
using SignauxFaibles.Ingestion.Urssaf;
using SignauxFaibles.Ingestion.Urssaf.Data;
using SignauxFaibles.IntegrationTests.WalkingSkeleton;
using SignauxFaibles.Messaging.Outbox;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Ingestion;

/// <summary>
/// Every URSSAF fixture, uploaded over HTTP with its kind recognised from its name: the batch
/// completes with the counts the parser gives, the records reach a downstream consumer, and a
/// second upload of the same content publishes nothing.
/// </summary>
public sealed class UrssafFixtureUploadTests(UrssafIngestionFixture fixture) : IClassFixture<UrssafIngestionFixture>
{
    private static readonly FileKindCatalog Catalog = new(UrssafFileKinds.All);

    private static string FixturesRoot => Path.Combine(AppContext.BaseDirectory, "fixtures");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(FixturesRoot, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Catalog.Recognise(file) is not null) data.Add(Path.GetRelativePath(FixturesRoot, file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Upload_completes_with_the_right_counts_reaches_consumers_and_is_not_published_twice(string relativePath)
    {
        var path = Path.Combine(FixturesRoot, relativePath);
        var (records, rejects, lines) = await ParseLocallyAsync(path);
        var client = fixture.Ingestion.CreateClient();

        var response = await UploadAsync(client, path);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var batch = (await response.Content.ReadFromJsonAsync<BatchResponse>())!;
        // Completed once the relay has delivered every chunk to the broker.
        var status = await Eventually.UntilAsync(() => client.GetFromJsonAsync<BatchResponse>($"/api/batches/{batch.Id}")!,
            b => b!.Status == "Completed", TimeSpan.FromSeconds(30), $"{relativePath} completed");
        Assert.Equal((lines, records, rejects), (status!.LinesRead, status.RecordsAccepted, status.LinesRejected));
        // Every accepted record is accounted for: published, kept until its account resolves, or stored (the account map).
        Assert.Equal(records, status.RecordsPublished + status.RecordsPending + status.RecordsStored);
        var published = status.RecordsPublished;

        await Eventually.UntilAsync(() => Task.FromResult(fixture.Tally.For(batch.Id)), n => n >= published, TimeSpan.FromSeconds(30),
            $"{published} records of {relativePath} at the consumer");

        var again = await UploadAsync(client, path);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(batch.Id, (await again.Content.ReadFromJsonAsync<BatchResponse>())!.Id);
        await Eventually.UntilAsync(() => Db.QueryAsync<IngestionDbContext, int>(fixture.Ingestion.Services, db => db.Set<OutboxMessage>().CountAsync()),
            n => n == 0, TimeSpan.FromSeconds(30), "outbox drained");
        await Task.Delay(500);
        Assert.Equal(published, fixture.Tally.For(batch.Id));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string path)
    {
        using var content = new StreamContent(File.OpenRead(path));
        return await client.PostAsync($"/api/files?wait=true&fileName={Uri.EscapeDataString(Path.GetFileName(path))}", content);
    }

    private static async Task<(long Records, long Rejects, long Lines)> ParseLocallyAsync(string path)
    {
        var kind = Catalog.Recognise(path)!;
        await using var stream = File.OpenRead(path);
        var (reader, _) = await DeliveredContent.OpenTextAsync(stream, CancellationToken.None);
        long records = 0, rejects = 0;
        var lines = new HashSet<long>();
        using (reader)
        {
            await foreach (var line in kind.Parser.ParseAsync(reader, Path.GetFileName(path)))
            {
                lines.Add(line.Line);
                if (line.Record is not null) records++;
                else rejects++;
            }
        }
        return (records, rejects, lines.Count);
    }
}
