using System.Text.Json;
using SignauxFaibles.Cli;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Files;
using SignauxFaibles.Ingestion.Intake;
using SignauxFaibles.Messaging.Outbox;

namespace SignauxFaibles.UnitTests.Ingestion;

/// <summary>
/// A chunk composed from records serialised ahead must be byte for byte the JSON the outbox would
/// write for the chunk itself: consumers, and the inbox's idempotence, must not tell them apart.
/// </summary>
public sealed class ChunkJsonTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        var root = Path.Combine(AppContext.BaseDirectory, "fixtures");
        foreach (var file in Directory.GetFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            // The damaged Diane sample is refused as a whole: it has no records to compare.
            if (ParseCommand.Catalog.Recognise(file) is IPublishedChunkKind && relative != "diane/dianeTestData.csv") data.Add(relative);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Composed_chunks_equal_the_serialised_chunk(string relativePath)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "fixtures", relativePath);
        var kind = ParseCommand.Catalog.Recognise(path)!;
        var chunkType = ((IPublishedChunkKind)kind).ChunkType;
        Assert.True(ChunkJson.CanCompose(chunkType), $"{chunkType.Name} is not provenance + records");

        var records = new List<ISourceRecord>();
        await using (var stream = File.OpenRead(path))
        await using (var delivered = await DeliveredFile.OpenAsync(stream, CancellationToken.None))
        {
            await foreach (var line in delivered.ParseAsync(kind.Parser, relativePath, CancellationToken.None))
            {
                if (line.Record is { } record) records.Add(record);
            }
        }
        var provenance = new RecordProvenance(kind.Source, Guid.CreateVersion7(), 3, Path.GetFileName(path));

        var composed = ChunkJson.Compose(provenance, ChunkJson.SerializeRecords(records, kind.RecordType));
        var serialised = JsonSerializer.SerializeToUtf8Bytes(kind.CreateChunk(provenance, records), chunkType, OutboxJson.Options);

        Assert.Equal(System.Text.Encoding.UTF8.GetString(serialised), System.Text.Encoding.UTF8.GetString(composed));
    }

    [Fact]
    public void Types_with_more_than_provenance_and_records_are_not_composed()
    {
        Assert.False(ChunkJson.CanCompose(typeof(RecordProvenance)));
        Assert.True(ChunkJson.CanCompose(typeof(SignauxFaibles.Contracts.Urssaf.ContributionDebtRecorded)));
    }
}
