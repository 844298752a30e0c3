using System.Net;
using System.Net.Http.Json;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.IntegrationTests.WalkingSkeleton;

namespace SignauxFaibles.IntegrationTests.Ingestion;

/// <summary>An upload answers at once; the batch's counters move while the file is parsed in the background.</summary>
public sealed class LargeFileProgressTests(UrssafIngestionFixture fixture, ITestOutputHelper output) : IClassFixture<UrssafIngestionFixture>
{
    [Fact]
    public async Task A_large_file_is_accepted_at_once_and_its_progress_can_be_followed()
    {
        var file = SyntheticDebitFile.Generate(companies: 40_000, seed: 7);
        var client = fixture.Ingestion.CreateClient();
        var response = await client.PostAsync("/api/files?fileName=sigfaible_debits_bench.csv", new StringContent(file.Content));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        var observed = new List<(string Status, long Lines)>();
        BatchResponse batch;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        do
        {
            await Task.Delay(100);
            batch = (await client.GetFromJsonAsync<BatchResponse>(location))!;
            observed.Add((batch.Status, batch.LinesRead));
        }
        while (batch.Status is "Received" or "Parsing" or "Published" && DateTime.UtcNow < deadline);

        output.WriteLine($"{file.Lines} lines; observed: {string.Join(", ", observed.Distinct().Take(20))}");
        Assert.Equal("Completed", batch.Status);
        Assert.Equal((file.Lines, (long)file.Lines), (batch.LinesRead, batch.RecordsPublished));
        Assert.Contains(observed, o => o.Status == "Parsing" && o.Lines > 0 && o.Lines < file.Lines);
        Assert.NotNull(batch.CompletedAt);
        Assert.NotNull(batch.StartedAt);
    }
}
