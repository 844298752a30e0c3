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
/// The end-to-end check every ingestion service owes for each of its fixtures: uploaded over HTTP
/// with its kind recognised from its name, the batch completes with the counts the parser gives,
/// the records reach a downstream consumer, and a second upload of the same content publishes nothing.
/// </summary>
public static class FixtureUploads
{
    public static string FixturesRoot => Path.Combine(AppContext.BaseDirectory, "fixtures");

    /// <summary>The fixtures (relative paths) whose name one of the catalog's kinds recognises, except those excluded.</summary>
    public static TheoryData<string> Recognised(FileKindCatalog catalog, params string[] except)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(FixturesRoot, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(FixturesRoot, file);
            if (catalog.Recognise(file) is not null && !except.Contains(relative)) data.Add(relative);
        }
        return data;
    }

    public static async Task AssertCompletesReachesConsumersAndIsNotPublishedTwiceAsync<TEntryPoint, TDbContext>(
        IngestionServiceFixture<TEntryPoint> fixture, FileKindCatalog catalog, string relativePath)
        where TEntryPoint : class
        where TDbContext : DbContext
    {
        var path = Path.Combine(FixturesRoot, relativePath);
        var (records, rejects, lines) = await ParseLocallyAsync(catalog, path);
        var client = fixture.Ingestion.CreateClient();

        var response = await UploadAsync(client, path);
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

        var again = await UploadAsync(client, path);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(batch.Id, (await again.Content.ReadFromJsonAsync<BatchResponse>())!.Id);
        await OutboxDrainedAsync<TEntryPoint, TDbContext>(fixture);
        await Task.Delay(500);
        Assert.Equal(published, fixture.Tally.For(batch.Id));
    }

    public static Task OutboxDrainedAsync<TEntryPoint, TDbContext>(IngestionServiceFixture<TEntryPoint> fixture)
        where TEntryPoint : class
        where TDbContext : DbContext =>
        Eventually.UntilAsync(() => Db.QueryAsync<TDbContext, int>(fixture.Ingestion.Services, db => db.Set<OutboxMessage>().CountAsync()),
            n => n == 0, TimeSpan.FromSeconds(30), "outbox drained");

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string path)
    {
        using var content = new StreamContent(File.OpenRead(path));
        return await client.PostAsync($"/api/files?wait=true&fileName={Uri.EscapeDataString(Path.GetFileName(path))}", content);
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string fileName)
    {
        using var content = new ByteArrayContent(file);
        return await client.PostAsync($"/api/files?wait=true&fileName={Uri.EscapeDataString(fileName)}", content);
    }

    /// <summary>What the kind's parser makes of the file here, to compare with what the service reports.</summary>
    public static async Task<(long Records, long Rejects, long Lines)> ParseLocallyAsync(FileKindCatalog catalog, string path)
    {
        var kind = catalog.Recognise(path)!;
        await using var stream = File.OpenRead(path);
        // Text or workbook, plain or compressed: opened as the service opens it.
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
