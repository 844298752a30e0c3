using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Net.Http.Json;
using MassTransit;
using SignauxFaibles.Contracts.Urssaf;
using SignauxFaibles.Ingestion.Batches;
using SignauxFaibles.ServiceDefaults;
using SignauxFaibles.Cli.Token;

namespace SignauxFaibles.Cli.Bench;

/// <summary>
/// <c>sf bench ingest</c>: upload-to-published throughput. Uploads a synthetic débit file to a
/// running Ingestion.Urssaf and counts, from its own temporary queue, the records that reach the
/// broker; the figure covers upload, parsing, the outbox and the relay's publication.
/// </summary>
internal static class IngestBench
{
    public static Command Create()
    {
        var rows = new Option<int>("--rows") { Description = "Rows of the synthetic débit file.", DefaultValueFactory = _ => 1_000_000 };
        var url = new Option<string>("--url") { Description = "Ingestion.Urssaf base address.", DefaultValueFactory = _ => "http://127.0.0.1:5101/" };
        var rabbit = new Option<string>("--rabbitmq") { Description = "Broker the service publishes to.", DefaultValueFactory = _ => "amqp://guest:guest@127.0.0.1:5673/" };
        var token = ApiToken.Option("Ingestion.Urssaf (client urssaf)");
        var command = new Command("ingest", "Upload-to-published throughput of a débit file through a running Ingestion.Urssaf.") { rows, url, rabbit, token };
        command.SetAction((r, ct) => RunAsync(r.GetValue(rows), new Uri(r.GetValue(url)!), new Uri(r.GetValue(rabbit)!), r.GetValue(token), r.InvocationConfiguration.Output, ct));
        return command;
    }

    private static async Task<int> RunAsync(int rows, Uri url, Uri rabbitUri, string? token, TextWriter output, CancellationToken ct)
    {
        // A new seed each run: the same content would be recognised as already delivered.
        var path = Path.Combine(Path.GetTempPath(), $"sf-bench-ingest-{Guid.NewGuid():N}.csv");
        await SyntheticDebitFile.WriteAsync(path, rows, seed: Environment.TickCount);
        var megabytes = new FileInfo(path).Length / 1_000_000.0;
        var received = new ConcurrentDictionary<Guid, long>();
        var endpoint = RabbitMqEndpoint.Parse(rabbitUri);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(endpoint.Host, endpoint.Port, endpoint.VirtualHost, h =>
            {
                h.Username(endpoint.Username);
                h.Password(endpoint.Password);
            });
            cfg.ReceiveEndpoint(e =>
            {
                e.PrefetchCount = 64;
                e.Handler<ContributionDebtRecorded>(context =>
                {
                    var count = context.Message.Records.Count;
                    received.AddOrUpdate(context.Message.Provenance.BatchId, count, (_, n) => n + count);
                    return Task.CompletedTask;
                });
            });
        });
        await bus.StartAsync(ct);
        try
        {
            await output.WriteLineAsync($"machine: {MachineDescription.Describe()}");
            await output.WriteLineAsync($"file: {rows:N0} débit rows, {megabytes:F1} MB → {url}");
            using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromHours(1) }.Authorize(token);
            var clock = Stopwatch.StartNew();
            await using var content = File.OpenRead(path);
            using var response = await http.PostAsync($"api/files/urssaf-debit?wait=true&fileName={Path.GetFileName(path)}", new StreamContent(content), ct);
            var batch = await response.Content.ReadFromJsonAsync<BatchResponse>(ct)
                ?? throw new InvalidOperationException($"Upload answered HTTP {(int)response.StatusCode} without a batch.");
            var committed = clock.Elapsed.TotalSeconds;
            await output.WriteLineAsync($"batch {batch.Id}: {batch.Status}, {batch.RecordsPublished:N0} records committed to the outbox after {committed:F1} s "
                + $"= {batch.RecordsPublished / committed:N0} rows/s upload-to-published (ledger status Published)");

            // Completed: the relay has had every chunk confirmed by the broker (publisher confirms).
            while (batch.Status != nameof(BatchStatus.Completed))
            {
                if (clock.Elapsed > TimeSpan.FromMinutes(30) || batch.Status == nameof(BatchStatus.Failed)) throw new TimeoutException($"batch still {batch.Status}");
                await Task.Delay(20, ct);
                batch = await http.GetFromJsonAsync<BatchResponse>($"api/batches/{batch.Id}", ct) ?? batch;
            }
            var confirmed = clock.Elapsed.TotalSeconds;
            await output.WriteLineAsync($"every chunk confirmed by the broker after {confirmed:F1} s "
                + $"= {batch.RecordsPublished / confirmed:N0} rows/s upload-to-completed ({megabytes / confirmed:F1} MB/s of the delivered file)");

            while (received.GetValueOrDefault(batch.Id) < batch.RecordsPublished)
            {
                if (clock.Elapsed > TimeSpan.FromMinutes(30)) throw new TimeoutException("records still missing after 30 minutes");
                await Task.Delay(20, ct);
            }
            var total = clock.Elapsed.TotalSeconds;
            await output.WriteLineAsync($"all {batch.RecordsPublished:N0} records received by a consumer after {total:F1} s = {batch.RecordsPublished / total:N0} rows/s");
            return 0;
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
            File.Delete(path);
        }
    }
}
