using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SignauxFaibles.Ingestion.Batches;

namespace SignauxFaibles.IntegrationTests.Ingestion;

/// <summary>
/// A 10 GB-decompressing gzip of about 10 MB, delivered to URSSAF ingestion, is refused at the
/// upload (413, with the reason) after reading only its start: no batch, nothing kept.
/// </summary>
public sealed class CompressionBombTests(UrssafIngestionFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<UrssafIngestionFixture>
{
    private const long Expanded = 10L << 30;

    /// <summary>Concatenated gzip members of 64 MiB of zeros each: valid gzip, built in a fraction of a second.</summary>
    private static byte[] Bomb()
    {
        using var member = new MemoryStream();
        using (var gzip = new GZipStream(member, CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(new byte[64 << 20]);
        var block = member.ToArray();
        var bomb = new byte[block.Length * (Expanded / (64 << 20))];
        for (var offset = 0; offset < bomb.Length; offset += block.Length) block.CopyTo(bomb, offset);
        return bomb;
    }

    [Fact]
    public async Task A_10_GB_gzip_bomb_is_refused_at_the_upload_with_its_reason()
    {
        var bomb = Bomb();
        var client = fixture.Ingestion.CreateClient();
        var batchesBefore = (await client.GetFromJsonAsync<List<BatchResponse>>("/api/batches"))!.Count;

        var clock = Stopwatch.StartNew();
        var response = await FixtureUploads.UploadAsync(client, bomb, "sigfaible_debits_202411.csv.gz");
        clock.Stop();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("compression bomb", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(batchesBefore, (await client.GetFromJsonAsync<List<BatchResponse>>("/api/batches"))!.Count);
        output.WriteLine($"{bomb.Length:N0} bytes expanding to {Expanded:N0}: refused in {clock.ElapsedMilliseconds} ms ({problem.GetProperty("detail").GetString()})");
    }
}
