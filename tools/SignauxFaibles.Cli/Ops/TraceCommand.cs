using System.CommandLine;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Ingestion;
using SignauxFaibles.Operations.Traces;
using SignauxFaibles.ServiceDefaults;

namespace SignauxFaibles.Cli.Ops;

/// <summary>
/// <c>sf ops trace BATCH-ID|SIREN</c>: the trace of a delivery, from the gateway through ingestion,
/// the panel refresh, scoring and notifications, as the local trace viewer (run.sh's Aspire
/// dashboard) holds it. A batch's spans carry its id (<c>sf.batch.id</c>); a company's level
/// changes carry its SIREN (<c>sf.siren</c>), so a SIREN gives the deliveries that moved it, latest
/// first. Each trace is printed as a chain. Exit codes: 0 printed, 1 nothing found among the
/// viewer's recent spans, 2 viewer unreachable or not a batch id nor a SIREN.
/// </summary>
internal static class TraceCommand
{
    public static Command Create()
    {
        var subject = new Argument<string>("batch-id|siren") { Description = "The batch id an upload or a push answered (id), or a company's SIREN." };
        var viewer = new Option<Uri>("--viewer") { Description = "The trace viewer (run.sh's Aspire dashboard).", DefaultValueFactory = _ => new Uri("http://127.0.0.1:18888/") };
        var spans = new Option<int>("--spans") { Description = "How many recent spans to search.", DefaultValueFactory = _ => 20_000 };
        var latest = new Option<int>("--latest") { Description = "For a SIREN: how many of its latest traces to print.", DefaultValueFactory = _ => 3 };
        var database = new Option<bool>("--with-database") { Description = "Also print the database statements." };
        var command = new Command("trace", "The trace of one delivery (or of the deliveries that moved a company), from the gateway to the officer's inbox, from the local trace viewer.")
            { subject, viewer, spans, latest, database };
        command.SetAction(async (r, ct) =>
        {
            var (output, error) = (r.InvocationConfiguration.Output, r.InvocationConfiguration.Error);
            var text = r.GetValue(subject)!.Trim();
            (string Tag, string Value, string Name)? search = Guid.TryParse(text, out var batch)
                ? (IngestionMetrics.BatchIdTag, batch.ToString(), $"batch {batch}")
                : Siren.TryParse(text, out var siren) ? (TraceTags.Siren, siren.Value, $"company {siren.Value}") : null;
            if (search is not { } s)
            {
                await error.WriteLineAsync($"sf ops trace: '{text}' is neither a batch id nor a SIREN (9 digits, valid check digit).");
                return 2;
            }
            using var http = new HttpClient { BaseAddress = r.GetValue(viewer), Timeout = TimeSpan.FromSeconds(30) };
            var api = new TelemetryApiClient(http);
            try
            {
                var traces = (await api.RecentSpansAsync(r.GetValue(spans), ct))
                    .Where(span => span.Attributes.GetValueOrDefault(s.Tag) == s.Value)
                    .GroupBy(span => span.TraceId).OrderByDescending(g => g.Max(span => span.Start)).Select(g => g.Key)
                    .Take(s.Tag == TraceTags.Siren ? r.GetValue(latest) : int.MaxValue).ToList();
                if (traces.Count == 0)
                {
                    await error.WriteLineAsync($"sf ops trace: no span of {s.Name} among the viewer's latest {r.GetValue(spans):N0} (the viewer keeps recent traces in memory only"
                        + (s.Tag == TraceTags.Siren ? "; a company shows only once a delivery changed its level)." : ")."));
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
