using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Ingestion.Urssaf.Data;

namespace SignauxFaibles.Ingestion.Urssaf.Batches;

public static class BatchEndpoints
{
    public static IEndpointRouteBuilder MapBatchEndpoints(this IEndpointRouteBuilder app)
    {
        var batches = app.MapGroup("/api/batches").WithTags("Batches");

        batches.MapGet("/{id:guid}", async (Guid id, IngestionDbContext db, CancellationToken ct) =>
            await db.Batches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) is { } batch
                ? Results.Ok(BatchResponse.From(batch))
                : Results.NotFound())
            .WithName("GetBatch")
            .WithSummary("Status and counts of one delivered file.");

        batches.MapGet("/{id:guid}/rejects", async (Guid id, IngestionDbContext db, CancellationToken ct) =>
            Results.Ok(await db.BatchRejects.AsNoTracking().Where(r => r.BatchId == id).OrderBy(r => r.Line)
                .Select(r => new { r.Line, r.Column, r.ColumnName, r.RawValue, r.Reason }).ToListAsync(ct)))
            .WithSummary("Rejected lines of a batch: line, column, raw value, reason.");
        return app;
    }
}
