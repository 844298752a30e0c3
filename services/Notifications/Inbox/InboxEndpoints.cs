using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Notifications.Data;
using SignauxFaibles.Notifications.Officers;
using SignauxFaibles.Security.Audit;
using SignauxFaibles.Security.Authentication;

namespace SignauxFaibles.Notifications.Inbox;

/// <summary>An alert as the inbox lists it.</summary>
public sealed record AlertView(
    Guid Id, string Siren, string? CompanyName, string Month, string PreviousLevel, string Level, IReadOnlyList<string> MainThemes,
    DateTimeOffset ChangedAt, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgementComment)
{
    public static AlertView Of(Alert a) => new(a.Id, a.Siren.Value, a.CompanyName, a.Month.ToString(), a.PreviousLevel.ToString(), a.Level.ToString(),
        a.MainThemes, a.ChangedAt, a.CreatedAt, a.ReadAt, a.AcknowledgedAt, a.AcknowledgementComment);
}

public sealed record Acknowledgement(string? Comment);

public static class InboxEndpoints
{
    public static IEndpointRouteBuilder MapInboxEndpoints(this IEndpointRouteBuilder app)
    {
        var inbox = app.MapGroup("/api/officers/{officerId:guid}/inbox").WithTags("Inbox")
            .RequireAuthorization(SfPolicies.OfficerOrOps)
            .AddEndpointFilter<OwnOfficerRecord>();
        inbox.MapGet("/", async (Guid officerId, bool? unread, int? limit, NotificationsDbContext db, IAuditLog audit, CancellationToken ct) =>
            {
                var query = db.Alerts.AsNoTracking().Where(a => a.OfficerId == officerId);
                if (unread == true) query = query.Where(a => a.ReadAt == null);
                var alerts = await query.OrderByDescending(a => a.CreatedAt).Take(Math.Clamp(limit ?? 100, 1, 1000)).ToListAsync(ct);
                // Alerts reveal scores (the score right): reading them is a view of confidential data.
                if (alerts.Count > 0)
                {
                    await audit.RecordAsync(AuditActions.ConfidentialView, $"inbox {officerId}", AuditOutcomes.Allowed,
                        $"{alerts.Count} alerts: {string.Join(' ', alerts.Select(a => a.Siren).Distinct())}", ct);
                }
                return alerts.Select(AlertView.Of);
            })
            .WithSummary("The officer's alerts, newest first (?unread=true, ?limit=).");

        inbox.MapGet("/unread-count", async (Guid officerId, NotificationsDbContext db, CancellationToken ct) =>
                new { unread = await db.Alerts.CountAsync(a => a.OfficerId == officerId && a.ReadAt == null, ct) })
            .WithSummary("How many alerts the officer has not opened.");

        inbox.MapPost("/{alertId:guid}/read", async (Guid officerId, Guid alertId, NotificationsDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                var alert = await db.Alerts.FirstOrDefaultAsync(a => a.Id == alertId && a.OfficerId == officerId, ct);
                if (alert is null) return Results.NotFound();
                alert.ReadAt ??= clock.GetUtcNow();
                await db.SaveChangesAsync(ct);
                return Results.Ok(AlertView.Of(alert));
            })
            .WithSummary("Marks an alert read (the first reading time is kept).");

        inbox.MapPost("/{alertId:guid}/acknowledge", async (Guid officerId, Guid alertId, Acknowledgement body, NotificationsDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(body.Comment))
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["comment"] = ["say what was done or decided"] });
                var alert = await db.Alerts.FirstOrDefaultAsync(a => a.Id == alertId && a.OfficerId == officerId, ct);
                if (alert is null) return Results.NotFound();
                var now = clock.GetUtcNow();
                alert.ReadAt ??= now;
                alert.AcknowledgedAt = now;
                alert.AcknowledgementComment = body.Comment.Trim();
                await db.SaveChangesAsync(ct);
                return Results.Ok(AlertView.Of(alert));
            })
            .WithSummary("Acknowledges an alert with a comment (what was done or decided); it counts as read.");
        return app;
    }
}
