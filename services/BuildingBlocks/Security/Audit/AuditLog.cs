using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SignauxFaibles.Security.Authentication;

namespace SignauxFaibles.Security.Audit;

/// <summary>Writes audit entries for the current caller and reads them back for ops.</summary>
public interface IAuditLog
{
    Task RecordAsync(string action, string resource, string outcome, string reason, CancellationToken ct);

    Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken ct);
}

public sealed record AuditQuery(string? Actor, string? Action, string? Resource, DateTimeOffset? Since, int Take);

/// <summary>
/// The audit log in the service's own database. A DbContext of its own scope, so an entry is saved
/// (and a refusal recorded) whatever the request's unit of work holds or does afterwards.
/// </summary>
internal sealed class AuditLog<TDbContext>(IServiceScopeFactory scopes, IHttpContextAccessor http, TimeProvider clock) : IAuditLog
    where TDbContext : DbContext
{
    public const string CorrelationHeader = "X-Correlation-Id";

    public async Task RecordAsync(string action, string resource, string outcome, string reason, CancellationToken ct)
    {
        var context = http.HttpContext;
        var user = context?.User;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            Actor = user?.Actor() ?? "system",
            Institution = user?.FindFirst(SfClaims.Institution)?.Value,
            Action = action,
            Resource = Truncate(resource, 400),
            Outcome = outcome,
            Reason = Truncate(reason, 1000),
            CorrelationId = context?.Request.Headers[CorrelationHeader].FirstOrDefault() is { Length: > 0 and <= 100 } id ? id : null,
        });
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var entries = db.Set<AuditEntry>().AsNoTracking();
        if (query.Actor is not null) entries = entries.Where(e => e.Actor == query.Actor);
        if (query.Action is not null) entries = entries.Where(e => e.Action == query.Action);
        if (query.Resource is not null) entries = entries.Where(e => e.Resource == query.Resource);
        if (query.Since is { } since) entries = entries.Where(e => e.At >= since);
        return await entries.OrderByDescending(e => e.Id).Take(Math.Clamp(query.Take, 1, 1000)).ToListAsync(ct);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
