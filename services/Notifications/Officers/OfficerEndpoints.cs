using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Notifications.Data;
using SignauxFaibles.Notifications.Roster;
using SignauxFaibles.Security.Authentication;

namespace SignauxFaibles.Notifications.Officers;

public static class OfficerEndpoints
{
    public static IEndpointRouteBuilder MapOfficerEndpoints(this IEndpointRouteBuilder app)
    {
        var officers = app.MapGroup("/api/officers").WithTags("Officers");
        officers.MapGet("/", async (string? institution, string? departement, bool? active, NotificationsDbContext db, CancellationToken ct) =>
            {
                var query = db.Officers.AsNoTracking();
                if (institution is not null) query = query.Where(o => o.Institution == Institutions.Canonical(institution));
                if (departement is not null) query = query.Where(o => o.National || o.Departements.Contains(departement));
                if (active is not null) query = query.Where(o => o.Active == active);
                var list = await query.OrderBy(o => o.LastName).ThenBy(o => o.FirstName).ToListAsync(ct);
                return list.Select(OfficerView.Of);
            })
            .RequireAuthorization(SfPolicies.Ops)
            .WithSummary("The directory, filtered by institution, by a département they cover, by state.");

        // The officers' portal learns the officer's directory id (for the inbox) from the token's e-mail.
        officers.MapGet("/me", async (HttpContext http, NotificationsDbContext db, CancellationToken ct) =>
                http.User.FindFirst(SfClaims.Email)?.Value?.ToLowerInvariant() is { } email
                && await db.Officers.AsNoTracking().FirstOrDefaultAsync(o => o.Email == email, ct) is { } o
                    ? Results.Ok(OfficerView.Of(o)) : Results.NotFound())
            .RequireAuthorization(SfPolicies.Officer)
            .WithSummary("The calling officer's own entry (matched by the token's e-mail).");

        officers.MapGet("/{id:guid}", async (Guid id, NotificationsDbContext db, CancellationToken ct) =>
                await db.Officers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) is { } o ? Results.Ok(OfficerView.Of(o)) : Results.NotFound())
            .RequireAuthorization(SfPolicies.OfficerOrOps)
            .AddEndpointFilter<OwnOfficerRecord>()
            .WithSummary("One officer (officers: their own entry).");

        officers.MapPatch("/{id:guid}", async (Guid id, OfficerEdit edit, NotificationsDbContext db, OfficerDirectoryAnnouncer directory, TimeProvider clock, CancellationToken ct) =>
            {
                var officer = await db.Officers.FirstOrDefaultAsync(o => o.Id == id, ct);
                if (officer is null) return Results.NotFound();
                if (OfficerEdits.Apply(officer, edit) is { } problem) return Results.ValidationProblem(problem);
                officer.UpdatedAt = clock.GetUtcNow();
                directory.AnnounceChanges();
                await db.SaveChangesAsync(ct);
                return Results.Ok(OfficerView.Of(officer));
            })
            .RequireAuthorization(SfPolicies.Ops)
            .WithSummary("Edits an officer: function, level, rights, geographic access (as the roster writes it), state, mail preference.");

        officers.MapPut("/{id:guid}/subscription", async (Guid id, Subscription subscription, NotificationsDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                var officer = await db.Officers.FirstOrDefaultAsync(o => o.Id == id, ct);
                if (officer is null) return Results.NotFound();
                if (OfficerEdits.Check(subscription) is { } problem) return Results.ValidationProblem(problem);
                officer.Subscription = subscription;
                officer.UpdatedAt = clock.GetUtcNow();
                await db.SaveChangesAsync(ct);
                return Results.Ok(OfficerView.Of(officer));
            })
            .RequireAuthorization(SfPolicies.OfficerOrOps)
            .AddEndpointFilter<OwnOfficerRecord>()
            .WithSummary("Replaces the officer's subscription: levels, directions, sectors (NAF codes), size categories.");
        return app;
    }
}
