using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Features.Data;
using SignauxFaibles.Features.Panel;
using SignauxFaibles.Indicators.Panel;

namespace SignauxFaibles.Features.Api;

/// <summary>
/// The company file's indicators: a SIREN's monthly history with its establishments', one
/// establishment's history, and recomputation after a definition change.
/// </summary>
public static class IndicatorEndpoints
{
    public static IEndpointRouteBuilder MapIndicatorEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Indicators");
        api.MapGet("/companies/{siren}/indicators", CompanyAsync)
            .WithSummary("Monthly indicators of a company and of each of its establishments (missing values are absent).");
        api.MapGet("/establishments/{siret}/indicators", EstablishmentAsync)
            .WithSummary("Monthly indicators of one establishment.");
        api.MapPost("/companies/{siren}/recompute", async (string siren, PanelStore store, PanelSignal signal, CancellationToken ct) =>
            {
                if (!Siren.TryParse(siren, out var id)) return NotASiren(siren);
                await store.MarkAsync(id, ct);
                signal.Notify();
                return Results.Accepted($"/api/companies/{siren}/indicators", new { siren, marked = 1 });
            })
            .WithSummary("Recompute one company's panel from its stored facts.");
        api.MapPost("/panel/recompute", async (PanelStore store, PanelSignal signal, CancellationToken ct) =>
            {
                var marked = await store.MarkAllAsync(ct);
                signal.Notify();
                return Results.Accepted("/api/panel/status", new { marked });
            })
            .WithSummary("Recompute every company (after a change of indicator definitions).");
        api.MapGet("/panel/status", async (FeaturesDbContext db, CancellationToken ct) => Results.Ok(new
            {
                companies = await db.Companies.CountAsync(ct),
                waiting = await db.DirtyCompanies.CountAsync(ct),
                asOf = (await db.PanelStates.FindAsync([PanelState.AsOf], ct))?.Value,
            }))
            .WithSummary("Companies known, companies waiting for recomputation, month the panel is as of.");
        return app;
    }

    private static IResult NotASiren(string value) => Results.Problem($"'{value}' is not a SIREN (9 digits).", statusCode: 400);

    private static async Task<IResult> CompanyAsync(string siren, FeaturesDbContext db, CancellationToken ct)
    {
        if (!Siren.TryParse(siren, out var id)) return NotASiren(siren);
        var rows = await db.PanelMonths.AsNoTracking().Where(m => m.Siren == id.Value).OrderBy(m => m.Siret).ThenBy(m => m.Month).ToListAsync(ct);
        if (rows.Count == 0) return Results.NotFound();
        return Results.Ok(new
        {
            siren,
            months = Months(rows.Where(r => r.Siret.Length == 0), PanelSchema.Company),
            establishments = rows.Where(r => r.Siret.Length > 0).GroupBy(r => r.Siret)
                .Select(g => new { siret = g.Key, months = Months(g, PanelSchema.Establishment) }),
        });
    }

    private static async Task<IResult> EstablishmentAsync(string siret, FeaturesDbContext db, CancellationToken ct)
    {
        if (!Siret.TryParse(siret, out var id)) return Results.Problem($"'{siret}' is not a SIRET (14 digits).", statusCode: 400);
        var rows = await db.PanelMonths.AsNoTracking().Where(m => m.Siren == id.Siren.Value && m.Siret == siret).OrderBy(m => m.Month).ToListAsync(ct);
        return rows.Count == 0 ? Results.NotFound() : Results.Ok(new { siret, months = Months(rows, PanelSchema.Establishment) });
    }

    private static IEnumerable<object> Months(IEnumerable<StoredPanelMonth> rows, PanelSchema schema) => rows.Select(r =>
    {
        var row = new PanelRow(default, null, YearMonth.FromIndex(r.Month), PanelValuesCodec.Decode(r.Values, schema.Values.Count), r.Labels);
        var indicators = PanelDiff.Indicators(row, schema);
        return new { month = row.Month.ToString(), values = indicators.Values, labels = indicators.Labels };
    });
}
