using System.Net.Http.Json;
using System.Text;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.Ingestion.Dgefp;
using SignauxFaibles.IntegrationTests.Hosting;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Ingestion;

/// <summary>DGEFP ingestion keeping at most 10 rejects per batch.</summary>
public sealed class SmallRejectCapDgefpFixture : IngestionServiceFixture<IngestionDgefpService>
{
    protected override ServiceFactory<IngestionDgefpService> StartService(IntegrationEnvironment env) =>
        Services.Ingestion<IngestionDgefpService>(env, "ingestion", extra: new Dictionary<string, string?> { ["Ingestion:MaxStoredIssuesPerBatch"] = "10" });
}

/// <summary>
/// A file of bad lines cannot fill the database: rejects are stored up to the cap, counted by
/// reason beyond it, read by page, and exported as CSV cells a spreadsheet will not run.
/// </summary>
public sealed class RejectCapTests(SmallRejectCapDgefpFixture fixture) : IClassFixture<SmallRejectCapDgefpFixture>
{
    [Fact]
    public async Task Rejects_beyond_the_cap_are_counted_by_reason_paged_and_exported_as_plain_text()
    {
        var file = new StringBuilder("\"ID_DA\",\"ETAB_SIRET\",\"HEURES\",\"MONTANTS\",\"EFFECTIFS\",\"MOIS\"\n");
        for (var i = 0; i < 25; i++) file.Append($"\"c{i}\",\"61433760225578\",1.5,1,1,\"=HYPERLINK(\"\"http://x/{i}\"\")\"\n");
        for (var i = 0; i < 5; i++) file.Append($"\"d{i}\",\"6143376022557\",1.5,1,1,\"2020-01-01\"\n");
        file.Append("\"ok\",\"61433760225578\",1.5,1,1,\"2020-01-01\"\n");
        var client = fixture.Ingestion.CreateClient();

        var batch = (await (await FixtureUploads.UploadAsync(client, Encoding.UTF8.GetBytes(file.ToString()), "consommation_ap_cap.csv"))
            .Content.ReadFromJsonAsync<BatchResponse>())!;

        Assert.Equal((31L, 1L, 30L), (batch.LinesRead, batch.RecordsAccepted, batch.LinesRejected));
        Assert.Equal([new IssueCount(IssueCount.Reject, "not a month (a day yyyy-MM-dd or dd/MM/yyyy, or MM/yyyy)", 15), new IssueCount(IssueCount.Reject, "not a SIRET (14 digits)", 5)],
            batch.IssuesNotStored!);
        using var firstPage = await client.GetAsync($"/api/batches/{batch.Id}/rejects?page=1&pageSize=4");
        Assert.Equal("10", firstPage.Headers.GetValues("X-Total-Count").Single());
        var third = await client.GetFromJsonAsync<List<RejectResponse>>($"/api/batches/{batch.Id}/rejects?page=3&pageSize=4");
        Assert.Equal([10L, 11L], third!.Select(r => r.Line));
        var csv = await client.GetStringAsync($"/api/batches/{batch.Id}/rejects.csv");
        Assert.Contains(";\"'=HYPERLINK(\"\"http://x/0\"\")\";", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(";\"=HYPERLINK", csv, StringComparison.Ordinal);
    }
}
