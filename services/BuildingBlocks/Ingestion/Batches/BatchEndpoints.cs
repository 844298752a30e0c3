using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Intake;
using SignauxFaibles.Security.Audit;
using SignauxFaibles.Security.Authentication;

namespace SignauxFaibles.Ingestion.Batches;

public static class BatchEndpoints
{
    public static IEndpointRouteBuilder MapBatchEndpoints(this IEndpointRouteBuilder app)
    {
        // Institutions follow their own deliveries (their feeds' sources), operators all of them.
        var batches = app.MapGroup("/api/batches").WithTags("Batches").RequireAuthorization(SfPolicies.IngestOrOps);

        batches.MapGet("/", async (HttpContext http, string? status, int? take, IngestionDb ledger, FeedAccess feeds, IAuditLog audit, CancellationToken ct) =>
            {
                if (!feeds.Serves(http.User))
                {
                    await audit.RecordAsync(AuditActions.BatchReadRefused, "batches", AuditOutcomes.Refused,
                        $"no feed of this service ({string.Join(", ", feeds.Feeds)}); the token holds '{string.Join(' ', http.User.Scopes())}'", ct);
                    return Results.Problem($"Only the clients of {string.Join(", ", feeds.Feeds)} and ops read these batches.", statusCode: StatusCodes.Status403Forbidden);
                }
                var readable = feeds.ReadableSources(http.User);
                var query = ledger.Context.Set<Batch>().AsNoTracking().Where(b => readable.Contains(b.Source));
                if (status is not null)
                {
                    if (!Enum.TryParse<BatchStatus>(status, ignoreCase: true, out var wanted))
                    {
                        return Results.Problem($"Unknown status '{status}' ({string.Join(", ", Enum.GetNames<BatchStatus>())}).", statusCode: StatusCodes.Status400BadRequest);
                    }
                    query = query.Where(b => b.Status == wanted);
                }
                var batches = await query.OrderByDescending(b => b.ReceivedAt).Take(Math.Clamp(take ?? 50, 1, 500)).ToListAsync(ct);
                return Results.Ok(batches.Select(b => BatchResponse.From(b)));
            })
            .WithSummary("The latest batches of the caller's feeds (all for ops), newest first, optionally of one status (e.g. Parsing, Failed).")
            .Produces<List<BatchResponse>>();

        batches.MapGet("/{id:guid}", async (HttpContext http, Guid id, IngestionDb ledger, FeedAccess feeds, IAuditLog audit, CancellationToken ct) =>
                await StrangerAsync(http, id, feeds, audit, "batch", ct)
                ?? (await ledger.Context.Set<Batch>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) is not { } batch ? Results.NotFound()
                : await RefusedAsync(http, batch, feeds, audit, "batch", ct) ?? Results.Ok(BatchResponse.From(batch))))
            .WithName("GetBatch")
            .WithSummary("Status, counts and timings of one delivered file or push (the delivering feed and ops only).")
            .Produces<BatchResponse>();

        MapLineIssues(batches, "rejects", warnings: false, "Rejected lines");
        MapLineIssues(batches, "warnings", warnings: true, "Accepted lines with an optional field left empty because unreadable");
        return app;
    }

    /// <summary>Rejects, or warnings, of a batch as JSON and CSV: line, column, raw value, reason (the delivering feed and ops only; audited).</summary>
    private const int DefaultPageSize = 1000;
    private const int MaxPageSize = 10_000;

    private static void MapLineIssues(RouteGroupBuilder batches, string name, bool warnings, string what)
    {
        batches.MapGet($"/{{id:guid}}/{name}", async (HttpContext http, Guid id, int? page, int? pageSize, IngestionDb ledger, FeedAccess feeds, IAuditLog audit, CancellationToken ct) =>
            {
                if (await ReadableAsync(http, id, ledger, feeds, audit, ct) is { } refused) return refused;
                var size = Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize);
                var number = Math.Max(1, page ?? 1);
                var all = Issues(ledger.Context, id, warnings);
                http.Response.Headers["X-Total-Count"] = (await all.CountAsync(ct)).ToString(CultureInfo.InvariantCulture);
                var issues = await all.Skip((number - 1) * size).Take(size).ToListAsync(ct);
                // They hold raw values of the source: every read is traced.
                await audit.RecordAsync(AuditActions.RejectsRead, $"batch {id} {name}", AuditOutcomes.Allowed, $"{issues.Count} {name} as JSON", ct);
                return Results.Ok(issues);
            })
            .WithSummary($"{what} of a batch as JSON, by page (page, pageSize ≤ {MaxPageSize}; X-Total-Count): line, column, raw value, reason "
                + "(the delivering feed and ops only; audited). Beyond the stored ones, the batch counts them by reason (issuesNotStored).")
            .Produces<List<RejectResponse>>();

        batches.MapGet($"/{{id:guid}}/{name}.csv", async (HttpContext http, Guid id, IngestionDb ledger, FeedAccess feeds, IAuditLog audit, CancellationToken ct) =>
            {
                if (await ReadableAsync(http, id, ledger, feeds, audit, ct) is { } refused) return refused;
                var issues = await Issues(ledger.Context, id, warnings).ToListAsync(ct);
                // Taking raw values away is an export.
                await audit.RecordAsync(AuditActions.Export, $"batch {id} {name}", AuditOutcomes.Allowed, $"{issues.Count} {name} as CSV", ct);
                return Results.Text(ToCsv(issues), "text/csv; charset=utf-8", Encoding.UTF8);
            })
            .WithSummary($"{what} of a batch as CSV, for the institution's own tools (the delivering feed and ops only; audited).");
    }

    private static async Task<IResult?> ReadableAsync(HttpContext http, Guid id, IngestionDb ledger, FeedAccess feeds, IAuditLog audit, CancellationToken ct) =>
        await StrangerAsync(http, id, feeds, audit, "rejects", ct)
        ?? (await ledger.Context.Set<Batch>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) is not { } batch
            ? Results.NotFound()
            : await RefusedAsync(http, batch, feeds, audit, "rejects", ct));

    /// <summary>Another feed's batch: refused and audited (its name and rejects are that institution's).</summary>
    private static async Task<IResult?> RefusedAsync(HttpContext http, Batch batch, FeedAccess feeds, IAuditLog audit, string what, CancellationToken ct)
    {
        if (feeds.MayRead(http.User, batch.Source)) return null;
        var feed = SourceFeeds.Of(batch.Source);
        await audit.RecordAsync(AuditActions.BatchReadRefused, $"batch {batch.Id} {what}", AuditOutcomes.Refused,
            $"batch of the {feed} feed; the token holds '{string.Join(' ', http.User.Scopes())}'", ct);
        return Results.Problem($"This batch belongs to the {feed} feed: only its client and ops read it.", statusCode: StatusCodes.Status403Forbidden);
    }

    /// <summary>A client of none of this service's feeds is refused before any lookup (it learns nothing, not even whether the batch exists).</summary>
    private static async Task<IResult?> StrangerAsync(HttpContext http, Guid id, FeedAccess feeds, IAuditLog audit, string what, CancellationToken ct)
    {
        if (feeds.Serves(http.User)) return null;
        var feed = string.Join(", ", feeds.Feeds);
        await audit.RecordAsync(AuditActions.BatchReadRefused, $"batch {id} {what}", AuditOutcomes.Refused,
            $"no feed of this service ({feed}); the token holds '{string.Join(' ', http.User.Scopes())}'", ct);
        return Results.Problem($"Only the clients of {feed} and ops read these batches.", statusCode: StatusCodes.Status403Forbidden);
    }

    private static IQueryable<RejectResponse> Issues(DbContext db, Guid id, bool warnings) =>
        db.Set<BatchReject>().AsNoTracking().Where(r => r.BatchId == id && r.Warning == warnings).OrderBy(r => r.Line).ThenBy(r => r.Column)
            .Select(r => new RejectResponse(r.Line, r.Column, r.ColumnName, r.RawValue, r.Reason));

    private static string ToCsv(IEnumerable<RejectResponse> rejects)
    {
        var csv = new StringBuilder("line;column;column_name;raw_value;reason\n");
        foreach (var r in rejects)
        {
            csv.Append(r.Line.ToString(CultureInfo.InvariantCulture)).Append(';')
                .Append(r.Column?.ToString(CultureInfo.InvariantCulture)).Append(';')
                .Append(Quote(r.ColumnName)).Append(';')
                .Append(Quote(r.RawValue)).Append(';')
                .Append(Quote(r.Reason)).Append('\n');
        }
        return csv.ToString();
    }

    // A cell a spreadsheet would read as a formula (=, +, -, @, tab, return first) is written as text.
    private static string Quote(string? value) =>
        value is null ? string.Empty
        : "\"" + (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" : "") + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

public sealed record RejectResponse(long Line, int? Column, string? ColumnName, string? RawValue, string Reason);
