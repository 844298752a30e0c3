using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Features.Data;

namespace SignauxFaibles.Features.Panel;

public static class PanelEndpoints
{
    public static IEndpointRouteBuilder MapPanelEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/companies/{siren}/debt", async (string siren, FeaturesDbContext db, CancellationToken ct) =>
            {
                if (!Siren.TryParse(siren, out var id)) return Results.Problem($"'{siren}' is not a SIREN (9 digits).", statusCode: 400);
                var months = await db.CompanyDebtMonths.AsNoTracking().Where(m => m.Siren == id).OrderBy(m => m.Month)
                    .Select(m => new { month = m.Month.ToString(), m.EmployeeShare, m.EmployerShare })
                    .ToListAsync(ct);
                return months.Count == 0 ? Results.NotFound() : Results.Ok(months);
            })
            .WithTags("Panel")
            .WithSummary("Outstanding URSSAF debt of a company at the end of each month.");
        return app;
    }
}
