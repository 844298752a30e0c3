using System.CommandLine;
using SignauxFaibles.Ingestion;
using SignauxFaibles.Operations.Traces;

namespace SignauxFaibles.Cli.Ops;

/// <summary>
/// <c>sf ops trace BATCH-ID</c>: the trace of a delivery, from the gateway through ingestion, the
/// panel refresh, scoring and notifications, as the local trace viewer (run.sh's Aspire dashboard)
/// holds it. The batch's spans carry its id (<c>sf.batch.id</c>); each trace holding one is printed
/// as a chain. Exit codes: 0 printed, 1 no such batch among the viewer's recent spans, 2 viewer unreachable.
/// </summary>
internal static class TraceCommand
{
    public static Command Create()
    {
        var batch = new Argument<Guid>("batch-id") { Description = "The batch id an upload or a push answered (id)." };
        var viewer = new Option<Uri>("--viewer") { Description = "The trace viewer (run.sh's Aspire dashboard).", DefaultValueFactory = _ => new Uri("http://127.0.0.1:18888/") };
        var spans = new Option<int>("--spans") { Description = "How many recent spans to search for the batch.", DefaultValueFactory = _ => 20_000 };
        var database = new Option<bool>("--with-database") { Description = "Also print the database statements." };
        var command = new Command("trace", "The trace of one delivery, from the gateway to the officer's inbox, from the local trace viewer.") { batch, viewer, spans, database };
        command.SetAction(async (r, ct) =>
        {
            var (output, error) = (r.InvocationConfiguration.Output, r.InvocationConfiguration.Error);
            using var http = new HttpClient { BaseAddress = r.GetValue(viewer), Timeout = TimeSpan.FromSeconds(30) };
            var api = new TelemetryApiClient(http);
            var id = r.GetValue(batch).ToString();
            try
            {
                var traces = (await api.RecentSpansAsync(r.GetValue(spans), ct))
                    .Where(s => s.Attributes.GetValueOrDefault(IngestionMetrics.BatchIdTag) == id).Select(s => s.TraceId).Distinct().ToList();
                if (traces.Count == 0)
                {
                    await error.WriteLineAsync($"sf ops trace: no span of batch {id} among the viewer's latest {r.GetValue(spans):N0} (the viewer keeps recent traces in memory only).");
                    return 1;
                }
                foreach (var trace in traces)
                {
                    if (await api.TraceAsync(trace, ct) is { } found) TraceTree.Write(found, output, r.GetValue(database));
                }
                return 0;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidDataException)
            {
                await error.WriteLineAsync($"sf ops trace: the trace viewer at {r.GetValue(viewer)} cannot be read: {ex.Message} (is the stack started with deploy/local/run.sh?)");
                return 2;
            }
        });
        return command;
    }
}
