using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Security.Audit;
using SignauxFaibles.Security.Authentication;

namespace SignauxFaibles.Ingestion.Batches;

public static class BatchEndpoints
{
    public static IEndpointRouteBuilder MapBatchEndpoints(this IEndpointRouteBuilder app)
    {
        // Institutions follow their deliveries, operators all of them.
        var batches = app.MapGroup("/api/batches").WithTags("Batches").RequireAuthorization(SfPolicies.IngestOrOps);

        batches.MapGet("/", async (string? status, int? take, IngestionDb ledger, CancellationToken ct) =>
            {
                var query = ledger.Context.Set<Batch>().AsNoTracking();
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
            .WithSummary("The latest batches, newest first, optionally of one status (e.g. Parsing, Failed).")
            .Produces<List<BatchResponse>>();

        batches.MapGet("/{id:guid}", async (Guid id, IngestionDb ledger, CancellationToken ct) =>
                await ledger.Context.Set<Batch>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) is { } batch
                    ? Results.Ok(BatchResponse.From(batch))
                    : Results.NotFound())
            .WithName("GetBatch")
            .WithSummary("Status, counts and timings of one delivered file or push.")
            .Produces<BatchResponse>();

        batches.MapGet("/{id:guid}/rejects", async (Guid id, IngestionDb ledger, CancellationToken ct) =>
                Results.Ok(await Rejects(ledger.Context, id).ToListAsync(ct)))
            .WithSummary("Rejected lines of a batch as JSON: line, column, raw value, reason.")
            .Produces<List<RejectResponse>>();

        batches.MapGet("/{id:guid}/rejects.csv", async (Guid id, IngestionDb ledger, IAuditLog audit, CancellationToken ct) =>
            {
                var rejects = await Rejects(ledger.Context, id).ToListAsync(ct);
                // Rejected lines hold raw values of the source: taking them away is an export.
                await audit.RecordAsync(AuditActions.Export, $"batch {id} rejects", AuditOutcomes.Allowed, $"{rejects.Count} rejected lines as CSV", ct);
                return Results.Text(ToCsv(rejects), "text/csv; charset=utf-8", Encoding.UTF8);
            })
            .WithSummary("Rejected lines of a batch as CSV (for the institution's own tools).");
        return app;
    }

    private static IQueryable<RejectResponse> Rejects(DbContext db, Guid id) =>
        db.Set<BatchReject>().AsNoTracking().Where(r => r.BatchId == id).OrderBy(r => r.Line)
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

    private static string Quote(string? value) =>
        value is null ? string.Empty : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

public sealed record RejectResponse(long Line, int? Column, string? ColumnName, string? RawValue, string Reason);
