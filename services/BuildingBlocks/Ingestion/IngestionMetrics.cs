using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Ingestion.Batches;

namespace SignauxFaibles.Ingestion;

/// <summary>
/// What ops watch of the deliveries, for every ingestion service (exported by the service defaults,
/// whose meters include <c>SignauxFaibles.*</c>). Counted once a batch's transaction has committed,
/// so a file parsed again after a crash is not counted twice. Tags: <c>source</c> and <c>file_kind</c>.
/// </summary>
public static class IngestionMetrics
{
    public const string Name = "SignauxFaibles.Ingestion";

    private static readonly Meter Meter = new(Name);

    /// <summary>Spans of the ingestion building block (a batch's processing), under the telemetry's SignauxFaibles.* sources.</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    /// <summary>The span attribute that names a batch: <c>sf ops trace &lt;batch id&gt;</c> finds a delivery's trace by it.</summary>
    public const string BatchIdTag = "sf.batch.id";

    // Keyed by DataSource name: the gauge reports every source that delivered since the service started
    // (or, from the ledger, ever).
    private static readonly ConcurrentDictionary<string, DateTimeOffset> LastFileBySource = new();

    public static readonly Counter<long> LinesRead = Meter.CreateCounter<long>("sf.ingestion.lines.read", "{line}", "Lines read from delivered files and pushes");

    public static readonly Counter<long> RecordsAccepted = Meter.CreateCounter<long>("sf.ingestion.records.accepted", "{record}", "Lines that became records");

    public static readonly Counter<long> LinesRejected = Meter.CreateCounter<long>("sf.ingestion.lines.rejected", "{line}", "Lines rejected (reported to the institution)");

    public static readonly Counter<long> RecordsPublished = Meter.CreateCounter<long>("sf.ingestion.records.published", "{record}", "Records published downstream (stocks: new or changed only)");

    public static readonly Counter<long> Batches = Meter.CreateCounter<long>("sf.ingestion.batches", "{batch}", "Batches at the end of parsing, by outcome (published, completed, failed)");

    public static readonly Histogram<double> ParseDuration = Meter.CreateHistogram<double>(
        "sf.ingestion.batch.duration", "s", "From the start of parsing to the commit of the batch (or its failure)",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 5, 15, 30, 60, 120, 300, 600, 1200, 3600] });

    public static readonly Histogram<double> DeliveryDuration = Meter.CreateHistogram<double>(
        "sf.ingestion.batch.delivery.duration", "s", "From the file's reception to the last chunk confirmed by the broker",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 5, 15, 30, 60, 120, 300, 600, 1200, 3600, 7200] });

    static IngestionMetrics()
    {
        Meter.CreateObservableGauge("sf.ingestion.last_file.time", ObserveLastFiles, "s",
            "Unix time of the latest file received from each source (pushes excluded): the no-delivery alert compares it with the usual day");
    }

    /// <summary>A delivered file was accepted (not a push, not a duplicate).</summary>
    public static void FileReceived(DataSource source, DateTimeOffset at) =>
        LastFileBySource.AddOrUpdate(source.ToString(), at, (_, known) => at > known ? at : known);

    /// <summary>A batch's parsing ended and its outcome is committed.</summary>
    public static void BatchParsed(Batch batch, DateTimeOffset parsedAt)
    {
        var tags = Tags(batch, Outcome(batch.Status));
        LinesRead.Add(batch.LinesRead, tags);
        RecordsAccepted.Add(batch.RecordsAccepted, tags);
        LinesRejected.Add(batch.LinesRejected, tags);
        RecordsPublished.Add(batch.RecordsPublished, tags);
        Batches.Add(1, tags);
        if (batch.StartedAt is { } started) ParseDuration.Record((parsedAt - started).TotalSeconds, tags);
    }

    /// <summary>A published batch's chunks have all been confirmed by the broker.</summary>
    public static void BatchDelivered(Batch batch, DateTimeOffset completedAt) =>
        DeliveryDuration.Record((completedAt - batch.ReceivedAt).TotalSeconds, Tags(batch, "completed"));

    private static TagList Tags(Batch batch, string outcome) => new()
    {
        { "source", batch.Source.ToString() },
        { "file_kind", batch.FileKind },
        { "outcome", outcome },
    };

    private static string Outcome(BatchStatus status) => status.ToString().ToLowerInvariant();

    private static IEnumerable<Measurement<double>> ObserveLastFiles() =>
        LastFileBySource.Select(s => new Measurement<double>(s.Value.ToUnixTimeMilliseconds() / 1000.0, new KeyValuePair<string, object?>("source", s.Key)));
}
