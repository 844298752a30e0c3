using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.FollowUp;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Messaging.Outbox;
using SignauxFaibles.Features.Data;
using SignauxFaibles.Features.Panel;
using SignauxFaibles.Security.Access;
using SignauxFaibles.Security.Audit;
using SignauxFaibles.Security.Authentication;

namespace SignauxFaibles.Features.Access;

public sealed record FollowRequest(FollowReason Reason, string? Comment);

/// <summary>An officer follows a company of the zone (access.md: with a reason), which opens its confidential data to that officer.</summary>
public static class FollowEndpoints
{
    public static IEndpointRouteBuilder MapFollowEndpoints(this IEndpointRouteBuilder app)
    {
        var follows = app.MapGroup("/api/companies/{siren}/follow").WithTags("Follow").RequireAuthorization(SfPolicies.Officer);
        follows.MapPut("/", async (string siren, FollowRequest request, OfficerAccessor officers, FeaturesDbContext db, CompanyAccess access, IAuditLog audit, IOutbox outbox, TimeProvider clock, CancellationToken ct) =>
            {
                if (!Siren.TryParse(siren, out _)) return Results.Problem($"'{siren}' is not a SIREN (9 digits).", statusCode: 400);
                if (request.Reason == FollowReason.Other && string.IsNullOrWhiteSpace(request.Comment))
                {
                    return Results.Problem("Following for another reason needs a comment.", statusCode: 400);
                }
                var officer = officers.Current!;
                var rows = await PanelStore.MonthsAsync(db, siren, ct);
                var places = await access.PlacesAsync(siren, rows, ct);
                if (!CompanyAccess.InZone(officer, places)) return await access.RefuseOutOfZoneAsync(officer, siren, places, ct);

                var follow = await db.FollowedCompanies.FindAsync([officer.Subject, siren], ct);
                if (follow is null)
                {
                    db.FollowedCompanies.Add(follow = new FollowedCompany { Officer = officer.Subject, Siren = siren });
                    follow.Since = clock.GetUtcNow();
                }
                follow.Reason = request.Reason;
                follow.Comment = request.Comment;
                // The other services serving confidential data learn it (same transaction as the follow).
                outbox.Publish(new CompanyFollowingChanged(officer.Subject, Siren.Parse(siren), true, clock.GetUtcNow()), partitionKey: siren);
                await db.SaveChangesAsync(ct);
                // Following opens confidential data: who, which company, why.
                await audit.RecordAsync(AuditActions.Follow, siren, AuditOutcomes.Allowed, $"{follow.Reason}: {follow.Comment}".TrimEnd(' ', ':'), ct);
                return Results.Ok(new { siren, reason = follow.Reason.ToString(), follow.Comment, follow.Since });
            })
            .WithSummary("Follow a company of the zone, with a reason (a comment for Other).");
        follows.MapDelete("/", async (string siren, OfficerAccessor officers, FeaturesDbContext db, IAuditLog audit, IOutbox outbox, TimeProvider clock, CancellationToken ct) =>
            {
                var follow = await db.FollowedCompanies.FindAsync([officers.Current!.Subject, siren], ct);
                if (follow is null) return Results.NotFound();
                // The follow ends; its trace (reason, dates, state) stays in follow_periods.
                db.FollowPeriods.Add(new FollowPeriod
                {
                    Officer = follow.Officer, Siren = follow.Siren, Reason = follow.Reason, Comment = follow.Comment,
                    Since = follow.Since, Until = clock.GetUtcNow(), Status = follow.Status,
                });
                db.FollowedCompanies.Remove(follow);
                outbox.Publish(new CompanyFollowingChanged(follow.Officer, Siren.Parse(siren), false, clock.GetUtcNow()), partitionKey: siren);
                await db.SaveChangesAsync(ct);
                await audit.RecordAsync(AuditActions.Unfollow, siren, AuditOutcomes.Allowed, $"followed since {follow.Since:yyyy-MM-dd} ({follow.Reason})", ct);
                return Results.NoContent();
            })
            .WithSummary("Stop following a company (the follow-up's reason and dates are kept, and the end audited).");
        follows.MapGet("/history", async (string siren, OfficerAccessor officers, FeaturesDbContext db, CancellationToken ct) =>
                await db.FollowPeriods.AsNoTracking().Where(f => f.Officer == officers.Current!.Subject && f.Siren == siren).OrderByDescending(f => f.Until)
                    .Select(f => new FollowPeriodResponse(f.Siren, f.Reason.ToString(), f.Comment, f.Since, f.Until, f.Status.ToString())).ToListAsync(ct))
            .WithSummary("The calling officer's past follow-ups of this company, most recent first.");
        app.MapGet("/api/follows", async (string? purpose, OfficerAccessor officers, FeaturesDbContext db, IAuditLog audit, CancellationToken ct) =>
            {
                var follows = await db.FollowedCompanies.AsNoTracking().Where(f => f.Officer == officers.Current!.Subject).OrderByDescending(f => f.Since).ToListAsync(ct);
                // access.md: every export is logged (purpose=export is how the portal's spreadsheet asks).
                if (string.Equals(purpose, "export", StringComparison.OrdinalIgnoreCase))
                    await audit.RecordAsync(AuditActions.Export, "follows", AuditOutcomes.Allowed, $"{follows.Count} followed companies", ct);
                return follows.Select(f => new { f.Siren, reason = f.Reason.ToString(), f.Comment, f.Since, status = f.Status.ToString(), f.Useful });
            })
            .WithTags("Follow").RequireAuthorization(SfPolicies.Officer)
            .WithSummary("The companies the calling officer follows, most recent first (the portal's list and export).");
        return app;
    }
}

public sealed record FollowPeriodResponse(string Siren, string Reason, string? Comment, DateTimeOffset Since, DateTimeOffset Until, string Status);
