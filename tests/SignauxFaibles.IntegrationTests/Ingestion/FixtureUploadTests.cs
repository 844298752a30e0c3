using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Files;
using SignauxFaibles.IntegrationTests.WalkingSkeleton;
using SignauxFaibles.Messaging.Outbox;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Ingestion;

/// <summary>
/// What every ingestion service must show with its fixtures, each uploaded over HTTP with its kind
/// recognised from its name: the batch completes with the counts the parser gives locally, the
/// records reach a downstream consumer, and a second upload of the same content publishes nothing.
/// </summary>
public abstract class FixtureUploadTests<TService, TDbContext>(IngestionServiceFixture<TService> fixture, FileKindCatalog catalog)
    where TService : class
    where TDbContext : DbContext
{
    protected static string FixturesRoot => Path.Combine(AppContext.BaseDirectory, "fixtures");

    /// <summary>The fixture files (relative paths) whose names the catalog recognises.</summary>
    protected static TheoryData<string> FilesOf(FileKindCatalog kinds)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(FixturesRoot, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (kinds.Recognise(file) is not null) data.Add(Path.GetRelativePath(FixturesRoot, file));
        }
        return data;
    }

    protected async Task Upload_completes_reaches_consumers_and_is_not_published_twice(string relativePath)
    {
        var path = Path.Combine(FixturesRoot, relativePath);
        var (records, rejects, lines) = await ParseLocallyAsync(path);
        var client = fixture.Ingestion.CreateClient();

        var response = await UploadAsync(client, File.ReadAllBytes(path), Path.GetFileName(path));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var batch = (await response.Content.ReadFromJsonAsync<BatchResponse>())!;
        // Completed once the relay has delivered every chunk to the broker.
        var status = await Eventually.UntilAsync(() => client.GetFromJsonAsync<BatchResponse>($"/api/batches/{batch.Id}")!,
            b => b!.Status == "Completed", TimeSpan.FromSeconds(30), $"{relativePath} completed");
        Assert.Equal((lines, records, rejects), (status!.LinesRead, status.RecordsAccepted, status.LinesRejected));
        // Every accepted record is accounted for: published, kept until it can be completed, or stored as reference data.
        Assert.Equal(records, status.RecordsPublished + status.RecordsPending + status.RecordsStored);
        var published = status.RecordsPublished;

        await Eventually.UntilAsync(() => Task.FromResult(fixture.Tally.For(batch.Id)), n => n >= published, TimeSpan.FromSeconds(30),
            $"{published} records of {relativePath} at the consumer");

        var again = await UploadAsync(client, File.ReadAllBytes(path), Path.GetFileName(path));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(batch.Id, (await again.Content.ReadFromJsonAsync<BatchResponse>())!.Id);
        await OutboxDrainedAsync();
        await Task.Delay(500);
        Assert.Equal(published, fixture.Tally.For(batch.Id));
    }

    protected Task OutboxDrainedAsync() =>
        Eventually.UntilAsync(() => Db.QueryAsync<TDbContext, int>(fixture.Ingestion.Services, db => db.Set<OutboxMessage>().CountAsync()),
            n => n == 0, TimeSpan.FromSeconds(30), "outbox drained");

    protected static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string fileName)
    {
        using var content = new ByteArrayContent(file);
        return await client.PostAsync($"/api/files?wait=true&fileName={Uri.EscapeDataString(fileName)}", content);
    }

    private async Task<(long Records, long Rejects, long Lines)> ParseLocallyAsync(string path)
    {
        var kind = catalog.Recognise(path)!;
        await using var stream = File.OpenRead(path);
        await using var delivered = await DeliveredFile.OpenAsync(stream, CancellationToken.None);
        long records = 0, rejects = 0;
        var lines = new HashSet<long>();
        await foreach (var line in delivered.ParseAsync(kind.Parser, Path.GetFileName(path), CancellationToken.None))
        {
            lines.Add(line.Line);
            if (line.Record is not null) records++;
            else rejects++;
        }
        return (records, rejects, lines.Count);
    }
}
