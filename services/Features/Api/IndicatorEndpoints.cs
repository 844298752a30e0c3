using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Features.Access;
using SignauxFaibles.Features.Data;
using SignauxFaibles.Features.Panel;
using SignauxFaibles.Indicators.Panel;
using SignauxFaibles.Security.Access;
using SignauxFaibles.Security.Authentication;

namespace SignauxFaibles.Features.Api;

/// <summary>
/// The company file's indicators: a SIREN's monthly history with its establishments', one
/// establishment's history, and recomputation after a definition change. Officers read only the
/// companies of their zone, and confidential columns only as <see cref="CompanyAccess"/> allows.
/// </summary>
public static class IndicatorEndpoints
{
    public static IEndpointRouteBuilder MapIndicatorEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Indicators");
        api.MapGet("/companies/{siren}/indicators", CompanyAsync)
            .RequireAuthorization(SfPolicies.Officer)
            .WithSummary("Monthly indicators of a company and of each of its establishments (missing values are absent; "
                + "confidential ones only with the right and the company listed or followed, see 'withheld').");
        api.MapGet("/establishments/{siret}/indicators", EstablishmentAsync)
            .RequireAuthorization(SfPolicies.Officer)
            .WithSummary("Monthly indicators of one establishment (same rules as the company's).");
        api.MapPost("/companies/{siren}/recompute", async (string siren, PanelStore store, PanelSignal signal, CancellationToken ct) =>
            {
                if (!Siren.TryParse(siren, out var id)) return NotASiren(siren);
                await store.MarkAsync(id, ct);
                signal.Notify();
                return Results.Accepted($"/api/companies/{siren}/indicators", new { siren, marked = 1 });
            })
            .RequireAuthorization(SfPolicies.Ops)
            .WithSummary("Recompute one company's panel from its stored facts.");
        api.MapPost("/panel/recompute", async (PanelStore store, PanelSignal signal, CancellationToken ct) =>
            {
                var marked = await store.MarkAllAsync(ct);
                signal.Notify();
                return Results.Accepted("/api/panel/status", new { marked });
            })
            .RequireAuthorization(SfPolicies.Ops)
            .WithSummary("Recompute every company (after a change of indicator definitions).");
        api.MapGet("/panel/status", async (FeaturesDbContext db, CancellationToken ct) => Results.Ok(new
            {
                companies = await db.Companies.CountAsync(ct),
                waiting = await db.DirtyCompanies.CountAsync(ct),
                asOf = (await db.PanelStates.FindAsync([PanelState.AsOf], ct))?.Value,
            }))
            .RequireAuthorization(SfPolicies.OfficerOrOps)
            .WithSummary("Companies known, companies waiting for recomputation, month the panel is as of.");
        return app;
    }

    private static IResult NotASiren(string value) => Results.Problem($"'{value}' is not a SIREN (9 digits).", statusCode: 400);

    private static async Task<IResult> CompanyAsync(string siren, FeaturesDbContext db, OfficerAccessor officers, CompanyAccess access, CancellationToken ct)
    {
        if (!Siren.TryParse(siren, out var id)) return NotASiren(siren);
        var rows = await PanelStore.MonthsAsync(db, id.Value, ct);
        if (rows.Count == 0) return Results.NotFound();
        var officer = officers.Current!;
        var places = await access.PlacesAsync(siren, rows, ct);
        if (!CompanyAccess.InZone(officer, places)) return await access.RefuseOutOfZoneAsync(officer, siren, places, ct);
        var view = await access.DecideAsync(officer, siren, ct);
        return Results.Ok(new
        {
            siren,
            months = Months(rows.Where(r => r.Siret.Length == 0), PanelSchema.Company, view),
            establishments = rows.Where(r => r.Siret.Length > 0).GroupBy(r => r.Siret)
                .Select(g => new { siret = g.Key, months = Months(g, PanelSchema.Establishment, view) }),
            withheld = view.Withheld,
        });
    }

    private static async Task<IResult> EstablishmentAsync(string siret, FeaturesDbContext db, OfficerAccessor officers, CompanyAccess access, CancellationToken ct)
    {
        if (!Siret.TryParse(siret, out var id)) return Results.Problem($"'{siret}' is not a SIRET (14 digits).", statusCode: 400);
        // The zone is the company's: every row of the SIREN says where its establishments are.
        var company = await PanelStore.MonthsAsync(db, id.Siren.Value, ct);
        var rows = company.Where(m => m.Siret == siret).ToList();
        if (rows.Count == 0) return Results.NotFound();
        var officer = officers.Current!;
        var places = await access.PlacesAsync(id.Siren.Value, company, ct);
        if (!CompanyAccess.InZone(officer, places)) return await access.RefuseOutOfZoneAsync(officer, id.Siren.Value, places, ct);
        var view = await access.DecideAsync(officer, id.Siren.Value, ct);
        return Results.Ok(new { siret, months = Months(rows, PanelSchema.Establishment, view), withheld = view.Withheld });
    }

    private static IEnumerable<object> Months(IEnumerable<StoredPanelMonth> rows, PanelSchema schema, CompanyView view) => rows.Select(r =>
    {
        var indicators = PanelDiff.Indicators(YearMonth.FromIndex(r.Month), r.Values, r.Labels, schema);
        var values = indicators.Values.Where(v => view.Shows(v.Key)).ToDictionary(v => v.Key, v => v.Value);
        return new { month = indicators.Month.ToString(), values, labels = indicators.Labels };
    });
}
