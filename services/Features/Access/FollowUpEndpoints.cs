using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Features.Data;
using SignauxFaibles.Messaging.Outbox;
using SignauxFaibles.Security.Access;
using SignauxFaibles.Security.Authentication;

namespace SignauxFaibles.Features.Access;

public sealed record FollowStatusRequest(FollowStatus Status);

public sealed record FollowNoteRequest(FollowNoteKind Kind, string? Text);

public sealed record VerdictRequest(bool Useful, string? Reason);

/// <summary>
/// The follow-up of a company the officer follows: status, comments and actions taken, and the
/// verdict on the alert's usefulness — published (outbox) as <see cref="AlertVerdictRecorded"/>
/// for the model's feedback loop. Only the officer's own follow-up is reachable.
/// </summary>
public static class FollowUpEndpoints
{
    public static IEndpointRouteBuilder MapFollowUpEndpoints(this IEndpointRouteBuilder app)
    {
        var followUp = app.MapGroup("/api/companies/{siren}/follow").WithTags("Follow").RequireAuthorization(SfPolicies.Officer);
        followUp.MapGet("/", async (string siren, OfficerAccessor officers, FeaturesDbContext db, CancellationToken ct) =>
            {
                var officer = officers.Current!.Subject;
                var follow = await db.FollowedCompanies.AsNoTracking().FirstOrDefaultAsync(f => f.Officer == officer && f.Siren == siren, ct);
                if (follow is null) return Results.NotFound();
                var notes = await db.FollowNotes.AsNoTracking().Where(n => n.Officer == officer && n.Siren == siren).OrderByDescending(n => n.At).ToListAsync(ct);
                return Results.Ok(Describe(follow, notes));
            })
            .WithSummary("The officer's follow-up of a company: reason, status, verdict, comments and actions (newest first).");
        followUp.MapPatch("/", async (string siren, FollowStatusRequest request, OfficerAccessor officers, FeaturesDbContext db, CancellationToken ct) =>
            {
                var follow = await db.FollowedCompanies.FindAsync([officers.Current!.Subject, siren], ct);
                if (follow is null) return Results.NotFound();
                follow.Status = request.Status;
                await db.SaveChangesAsync(ct);
                return Results.Ok(Describe(follow, []));
            })
            .WithSummary("Changes the follow-up status (InProgress, UnderWatch, Closed).");
        followUp.MapPost("/notes", async (string siren, FollowNoteRequest request, OfficerAccessor officers, FeaturesDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(request.Text)) return Results.Problem("A comment or an action needs a text.", statusCode: 400);
                var officer = officers.Current!.Subject;
                if (!await db.FollowedCompanies.AnyAsync(f => f.Officer == officer && f.Siren == siren, ct)) return Results.NotFound();
                var note = new FollowNote { Officer = officer, Siren = siren, Kind = request.Kind, Text = request.Text.Trim(), At = clock.GetUtcNow() };
                db.FollowNotes.Add(note);
                await db.SaveChangesAsync(ct);
                return Results.Created($"/api/companies/{siren}/follow", new { note.Id, kind = note.Kind.ToString(), note.Text, note.At });
            })
            .WithSummary("Adds a comment or an action taken (Kind: Comment or Action).");
        app.MapPut("/api/companies/{siren}/verdict", async (string siren, VerdictRequest request, OfficerAccessor officers, FeaturesDbContext db, IOutbox outbox,
                TimeProvider clock, CancellationToken ct) =>
            {
                if (!Siren.TryParse(siren, out var id)) return Results.Problem($"'{siren}' is not a SIREN (9 digits).", statusCode: 400);
                if (string.IsNullOrWhiteSpace(request.Reason)) return Results.Problem("A verdict needs its reason.", statusCode: 400);
                var officer = officers.Current!;
                var follow = await db.FollowedCompanies.FindAsync([officer.Subject, siren], ct);
                // The verdict comes from the follow-up: an officer who does not follow the company has not looked into it.
                if (follow is null) return Results.Problem("Follow the company before judging its alert.", statusCode: 409);
                var now = clock.GetUtcNow();
                (follow.Useful, follow.VerdictReason, follow.VerdictAt) = (request.Useful, request.Reason.Trim(), now);
                var level = await db.ListedCompanies.Where(l => l.Siren == siren).Select(l => (RiskLevel?)l.Level).FirstOrDefaultAsync(ct) ?? RiskLevel.None;
                outbox.Publish(new AlertVerdictRecorded(id, officer.Subject, officer.Institution, request.Useful, follow.VerdictReason, level, now), partitionKey: siren);
                await db.SaveChangesAsync(ct);
                return Results.Ok(Describe(follow, []));
            })
            .WithTags("Follow").RequireAuthorization(SfPolicies.Officer)
            .WithSummary("The officer's verdict on the company's alert (useful or not, with a reason), published for the model's feedback loop.");
        return app;
    }

    private static object Describe(FollowedCompany f, IEnumerable<FollowNote> notes) => new
    {
        f.Siren, reason = f.Reason.ToString(), f.Comment, f.Since, status = f.Status.ToString(),
        verdict = f.Useful is null ? null : new { useful = f.Useful.Value, reason = f.VerdictReason, at = f.VerdictAt },
        notes = notes.Select(n => new { n.Id, kind = n.Kind.ToString(), n.Text, n.At }),
    };
}
