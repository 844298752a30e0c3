using System.Globalization;
using Spectre.Console;
using SignauxFaibles.Operations.Model;
using SignauxFaibles.Operations.Pipeline;
using SignauxFaibles.Operations.Status;

namespace SignauxFaibles.Cli.Ops;

/// <summary>The sf ops status screen: what needs attention is in red or yellow.</summary>
internal static class StatusView
{
    private static readonly TimeSpan StaleOutbox = TimeSpan.FromMinutes(5);

    public static void Render(IAnsiConsole console, PlatformStatus status)
    {
        console.Write(new Rule($"Signaux Faibles — {status.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC — vhost {Markup.Escape(status.VirtualHost)}").LeftJustified());
        foreach (var problem in status.Problems) console.MarkupLine($"[red]unreachable[/] {Markup.Escape(problem)}");
        console.Write(Queues(status));
        console.Write(Outboxes(status));
        console.Write(Batches(status));
    }

    // Beyond this, PipelineStageStuck fires (deploy/prometheus/rules): shown in red before.
    private static readonly TimeSpan StaleStage = TimeSpan.FromMinutes(15);

    /// <summary>The pipeline's lag by stage, from the metrics store (the services' own measures).</summary>
    public static void RenderLag(IAnsiConsole console, (IReadOnlyList<StageLag>? Stages, string? Unavailable) lag)
    {
        var table = new Table().Title("Pipeline (items waiting at each stage)").AddColumns("Stage", "Waiting", "Oldest");
        table.Columns[1].RightAligned();
        table.Columns[2].RightAligned();
        foreach (var stage in lag.Stages ?? [])
        {
            var oldest = stage.Waiting == 0 ? "" : stage.OldestAge > StaleStage ? $"[red]{Age(stage.OldestAge)}[/]" : Age(stage.OldestAge);
            table.AddRow(Markup.Escape(stage.Stage), N(stage.Waiting), oldest);
        }
        if (lag.Unavailable is { } why) table.AddRow($"[grey]{Markup.Escape(why)}[/]", "", "");
        else if (lag.Stages is not { Count: > 0 }) table.AddRow("[grey]no stage measured yet[/]", "", "");
        console.Write(table);
    }

    // The bounds of the drift alerts (deploy/prometheus/rules, group signaux-faibles-model).
    private const double Shifted = 0.25;
    private const double Moved = 0.1;
    private const double MissingTolerance = 0.2;

    /// <summary>The active model against its training: the features that moved most, by stability index or missing rate.</summary>
    public static void RenderModel(IAnsiConsole console, (ModelWatchSummary? Watch, string? Unavailable) model)
    {
        var table = new Table().AddColumns("Feature", "Stability index", "Missing (live)", "Missing (training)");
        for (var i = 1; i < 4; i++) table.Columns[i].RightAligned();
        if (model.Watch is { Version: not null } watch)
        {
            var score = watch.ScoreStabilityIndex is { } s ? $"scores of {watch.LatestMonth}: stability index {Index(s)}" : "scores: no profile";
            table.Title($"Model {Markup.Escape(watch.Version)} against its training ({N(watch.LiveCompanies)} live companies; {score})");
            var worst = watch.Features.OrderByDescending(f => Math.Max(f.StabilityIndex ?? 0, (f.MissingGap ?? 0) / MissingTolerance * Shifted)).Take(8);
            foreach (var f in worst)
            {
                var gap = f.MissingGap > MissingTolerance;
                table.AddRow(Markup.Escape(f.Feature), f.StabilityIndex is { } i ? Index(i) : "[grey]—[/]",
                    Share(f.LiveMissing, gap), Share(f.TrainingMissing, false));
            }
        }
        else table.Title("Model against its training").AddRow($"[grey]{Markup.Escape(model.Unavailable ?? "not measured yet (the scoring service measures every few minutes)")}[/]", "", "", "");
        console.Write(table);
    }

    private static string Index(double index)
    {
        var text = index.ToString("0.00", CultureInfo.InvariantCulture);
        return index > Shifted ? $"[red]{text}[/]" : index > Moved ? $"[yellow]{text}[/]" : text;
    }

    private static string Share(double? share, bool alarming) =>
        share is not { } s ? "" : alarming ? $"[red]{s.ToString("P0", CultureInfo.InvariantCulture)}[/]" : s.ToString("P0", CultureInfo.InvariantCulture);

    private static Table Queues(PlatformStatus status)
    {
        var table = new Table().Title("Queues").AddColumns("Queue", "Ready", "Unacked", "Consumers", "In/s", "Out/s");
        for (var i = 1; i < 6; i++) table.Columns[i].RightAligned();
        foreach (var q in status.Queues.Where(q => !q.IsErrorQueue && !q.IsSkippedQueue))
        {
            // A queue nobody consumes only grows: a consumer is down.
            var consumers = q.Consumers == 0 ? "[red]0[/]" : N(q.Consumers);
            table.AddRow(Markup.Escape(q.Name), N(q.Ready), N(q.Unacknowledged), consumers, Rate(q.PublishRate), Rate(q.DeliverRate));
        }
        foreach (var q in status.Queues.Where(q => (q.IsErrorQueue || q.IsSkippedQueue) && q.Depth > 0))
        {
            table.AddRow($"[red]{Markup.Escape(q.Name)}[/]", $"[red]{N(q.Ready)}[/]", N(q.Unacknowledged), "", "", "");
        }
        if (status.Queues.Count == 0) table.AddRow("[grey]no queue[/]", "", "", "", "", "");
        return table;
    }

    private static Table Outboxes(PlatformStatus status)
    {
        var table = new Table().Title("Outboxes (committed, not yet confirmed by the broker)").AddColumns("Database", "Pending", "Oldest", "Parked");
        table.Columns[1].RightAligned();
        table.Columns[2].RightAligned();
        table.Columns[3].RightAligned();
        foreach (var o in status.Outboxes)
        {
            var age = o.OldestAge(status.At);
            var ageText = age is { } a ? (a > StaleOutbox ? $"[red]{Age(a)}[/]" : Age(a)) : "";
            // A parked row waits for an operator (sf ops outbox parked list).
            table.AddRow(Markup.Escape(o.Database), N(o.Pending), ageText, o.Parked > 0 ? $"[red]{N(o.Parked)}[/]" : "0");
        }
        if (status.Outboxes.Count == 0) table.AddRow("[grey]no service database[/]", "", "", "");
        return table;
    }

    private static Table Batches(PlatformStatus status)
    {
        var table = new Table().Title("Running batches").AddColumns("Database", "Kind", "File", "Status", "Since", "Lines read", "Lines/s", "Rejected", "Published", "Chunks left");
        for (var i = 5; i < 10; i++) table.Columns[i].RightAligned();
        foreach (var b in status.Batches)
        {
            var since = status.At - (b.StartedAt ?? b.ReceivedAt);
            table.AddRow(
                Markup.Escape(b.Database), Markup.Escape(b.FileKind), Markup.Escape(b.FileName), Markup.Escape(b.Status), Age(since),
                N(b.LinesRead), b.LinesPerSecond(status.At) is { } rate ? N((long)rate) : "",
                b.LinesRejected > 0 ? $"[yellow]{N(b.LinesRejected)}[/]" : "0", N(b.RecordsPublished), N(b.ChunksInOutbox));
        }
        if (status.Batches.Count == 0) table.AddRow("[grey]none[/]", "", "", "", "", "", "", "", "", "");
        return table;
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Rate(double r) => r.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Age(TimeSpan t) => t.TotalSeconds < 90 ? $"{t.TotalSeconds:0} s"
        : t.TotalMinutes < 90 ? $"{t.TotalMinutes:0} min"
        : t.TotalHours < 48 ? $"{t.TotalHours:0} h"
        : $"{t.TotalDays:0} d";
}
