using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Gateway;

/// <summary>
/// A bulk delivery larger than any buffer goes through the gateway streamed: 600 MB made on the fly
/// by the client, counted by a stand-in ingestion service, while the live managed memory of the
/// process (gateway, client and destination together) stays far below the file's size. Alone in
/// its collection: other tests' data would count in the same heap.
/// </summary>
[Collection(nameof(LargeUploadTests))]
public sealed class LargeUploadTests
{
    private const long FileBytes = 600L * 1024 * 1024;
    private const long HeapAllowance = 64L * 1024 * 1024;

    [Fact]
    public async Task A_600_MB_upload_streams_through_the_gateway()
    {
        var sinkPort = GatewayHost.FreePort();
        long received = 0;
        var sinkBuilder = WebApplication.CreateSlimBuilder();
        sinkBuilder.WebHost.UseUrls($"http://127.0.0.1:{sinkPort}");
        sinkBuilder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
        await using var sink = sinkBuilder.Build();
        sink.MapGet("/health/ready", () => Results.Ok());
        sink.MapPost("/api/files/urssaf-debit", async (HttpContext http) =>
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await http.Request.Body.ReadAsync(buffer)) > 0) Interlocked.Add(ref received, read);
            return Results.Created("/api/batches/1", new { bytes = received });
        });
        await sink.StartAsync();

        var gatewayPort = GatewayHost.FreePort();
        await using var gateway = GatewayHost.StartOn(new Dictionary<string, int> { ["ingestion-urssaf"] = sinkPort }, gatewayPort);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{gatewayPort}/"), Timeout = TimeSpan.FromMinutes(5) };

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                // Live objects only (a full collection each time): garbage is not memory held for the file.
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
                await Task.Delay(100);
            }
        });

        using var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "urssaf/api/files/urssaf-debit?fileName=big.csv")
            { Content = new GeneratedContent(FileBytes) }.As(TestTokens.Institution("urssaf", "ingest:urssaf")));
        await sampling.CancelAsync();
        await sampler;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(FileBytes, Interlocked.Read(ref received));
        Assert.True(peak - baseline < HeapAllowance, $"live managed memory grew by {(peak - baseline) / 1024 / 1024} MB for a {FileBytes / 1024 / 1024} MB upload");
    }

    /// <summary>A body written in 1 MB slices as it is sent, with no length known in advance (chunked).</summary>
    private sealed class GeneratedContent(long length) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var slice = new byte[1024 * 1024];
            Array.Fill(slice, (byte)'7');
            for (long sent = 0; sent < length; sent += slice.Length)
            {
                await stream.WriteAsync(slice.AsMemory(0, (int)Math.Min(slice.Length, length - sent)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}

[CollectionDefinition(nameof(LargeUploadTests), DisableParallelization = true)]
public sealed class LargeUploadCollection;
