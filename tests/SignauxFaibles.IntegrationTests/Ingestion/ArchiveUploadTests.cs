using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Intake;
using SignauxFaibles.Ingestion.Urssaf;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Ingestion;

/// <summary>
/// A zip holding a month's URSSAF files, delivered at once: each file becomes its own batch named
/// in the answer, a file of no known kind is refused with its reason, and the others are not held back.
/// </summary>
public sealed class ArchiveUploadTests(UrssafIngestionFixture fixture) : IClassFixture<UrssafIngestionFixture>
{
    private static readonly FileKindCatalog Catalog = new(UrssafFileKinds.All);
    private static readonly string Debit = Path.Combine(FixtureUploads.FixturesRoot, "urssaf_debit", "debitTestData.csv");
    private static readonly string Cotisation = Path.Combine(FixtureUploads.FixturesRoot, "urssaf_cotisation", "cotisationTestData.csv");

    [Fact]
    public async Task Each_file_of_a_zip_becomes_its_own_batch_and_an_unknown_one_is_refused_with_its_reason()
    {
        var archive = Zip(
            ("202411/sigfaible_debits_202411.csv", await File.ReadAllBytesAsync(Debit)),
            ("202411/sigfaible_cotisdues_202411.csv", await File.ReadAllBytesAsync(Cotisation)),
            ("202411/lisez-moi.txt", "Livraison de novembre"u8.ToArray()),
            ("__MACOSX/202411/._sigfaible_debits_202411.csv", [0, 5, 22, 7]));
        var client = fixture.Ingestion.CreateClient();

        var response = await FixtureUploads.UploadAsync(client, archive, "livraison_urssaf_202411.zip");

        // One file refused: the answer says so (422) but the two others went through.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<ArchiveResponse>())!;
        Assert.Equal("livraison_urssaf_202411.zip", answer.Archive);
        var refused = Assert.Single(answer.Refused);
        Assert.Equal("202411/lisez-moi.txt", refused.FileName);
        Assert.Contains("cannot be recognised", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(["sigfaible_cotisdues_202411.csv", "sigfaible_debits_202411.csv"], answer.Batches.Select(b => b.FileName).Order());
        foreach (var (batch, path) in answer.Batches.OrderBy(b => b.FileName).Zip([Cotisation, Debit]))
        {
            var (records, rejects, lines) = await FixtureUploads.ParseLocallyAsync(Catalog, path);
            Assert.Equal((lines, records, rejects), (batch.LinesRead, batch.RecordsAccepted, batch.LinesRejected));
            // Parsed and committed when the answer comes; completed once the relay has delivered every chunk.
            await Eventually.UntilAsync(() => client.GetFromJsonAsync<BatchResponse>($"/api/batches/{batch.Id}"),
                b => b!.Status == "Completed", TimeSpan.FromSeconds(30), $"{batch.FileName} completed");
        }

        // The same archive again: each file is its original batch, nothing published twice.
        var again = (await (await FixtureUploads.UploadAsync(client, archive, "livraison_urssaf_202411.zip")).Content.ReadFromJsonAsync<ArchiveResponse>())!;
        Assert.All(again.Batches, b => Assert.True(b.Duplicate));
        Assert.Equal(answer.Batches.Select(b => b.Id).Order(), again.Batches.Select(b => b.Id).Order());
    }

    [Fact]
    public async Task Without_waiting_the_answer_names_every_batch_at_once()
    {
        var archive = Zip(
            ("sigfaible_debits_202412.csv", (await File.ReadAllBytesAsync(Debit))[..^1]),
            ("sigfaible_cotisdues_202412.csv", (await File.ReadAllBytesAsync(Cotisation))[..^1]));
        var client = fixture.Ingestion.CreateClient();

        using var content = new ByteArrayContent(archive);
        var response = await client.PostAsync("/api/files?fileName=livraison_urssaf_202412.zip", content);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<ArchiveResponse>())!;
        Assert.Equal(2, answer.Batches.Count);
        Assert.Empty(answer.Refused);
        foreach (var batch in answer.Batches)
        {
            await Eventually.UntilAsync(() => client.GetFromJsonAsync<BatchResponse>($"/api/batches/{batch.Id}"),
                b => b!.Status == "Completed", TimeSpan.FromSeconds(30), $"{batch.FileName} completed");
        }
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] files)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(content);
            }
        }
        return ms.ToArray();
    }
}
