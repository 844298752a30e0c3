using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Notifications.Data;
using SignauxFaibles.Security.Authentication;

namespace SignauxFaibles.Notifications.Territories;

public static class TerritoryEndpoints
{
    public static IEndpointRouteBuilder MapTerritoryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/companies/{siren}/establishments", async (string siren, NotificationsDbContext db, CancellationToken ct) =>
            {
                if (!Siren.TryParse(siren, out var id)) return Results.Problem($"'{siren}' is not a SIREN (9 digits).", statusCode: 400);
                var establishments = await db.Establishments.AsNoTracking().Where(e => e.Siren == id).OrderBy(e => e.Siret)
                    .Select(e => new { siret = e.Siret.Value, e.Departement, e.Region, e.Active, e.UpdatedAt })
                    .ToListAsync(ct);
                return Results.Ok(establishments);
            })
            .WithTags("Territories")
            .RequireAuthorization(SfPolicies.OfficerOrOps)
            .WithSummary("Where the service places a company: its establishments as the Sirene events said (explains who was alerted).");
        return app;
    }
}
