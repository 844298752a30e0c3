using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Ingestion.Intake;
using SignauxFaibles.Security.Audit;
using SignauxFaibles.Ingestion.Urssaf.Data;
using SignauxFaibles.Security.Authentication;

namespace SignauxFaibles.Ingestion.Urssaf.Comptes;

public static class PendingRecordEndpoints
{
    /// <summary>The records waiting for the account map, so ops can see which accounts it lacks.</summary>
    public static IEndpointRouteBuilder MapPendingRecordEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/pending-records", async (HttpContext http, string? account, int? take, IngestionDbContext db, FeedAccess feeds, IAuditLog audit, CancellationToken ct) =>
            {
                // Pending records name URSSAF accounts: for the URSSAF client and ops only, every read traced.
                if (!feeds.MayRead(http.User, DataSource.Urssaf))
                {
                    await audit.RecordAsync(AuditActions.BatchReadRefused, "pending-records", AuditOutcomes.Refused,
                        $"pending records of the urssaf feed; the token holds '{string.Join(' ', http.User.Scopes())}'", ct);
                    return Results.Problem("Pending records belong to the urssaf feed: only its client and ops read them.", statusCode: StatusCodes.Status403Forbidden);
                }
                var query = db.Set<PendingRecord>().AsNoTracking();
                if (account is not null) query = query.Where(p => p.AccountNumber == account);
                var total = await query.CountAsync(ct);
                var records = await query.OrderBy(p => p.Id).Take(Math.Clamp(take ?? 100, 1, 1000))
                    .Select(p => new { p.BatchId, p.FileKind, p.FileName, p.AccountNumber, date = p.Date, p.KeptAt })
                    .ToListAsync(ct);
                await audit.RecordAsync(AuditActions.RejectsRead, "pending-records", AuditOutcomes.Allowed, $"{records.Count} of {total} pending records (account={account})", ct);
                return Results.Ok(new { total, records });
            })
            .WithTags("Account map")
            .WithSummary("Accepted records that name only an URSSAF account the map cannot resolve yet (released when a map delivery resolves it).")
            .RequireAuthorization(SfPolicies.IngestOrOps);
        return app;
    }
}
