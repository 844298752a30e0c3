using Microsoft.AspNetCore.Mvc;
using SignauxFaibles.Portal.Api;
using SignauxFaibles.Portal.French;
using SignauxFaibles.Portal.Confidentiality;
using SpreadCheetah;

namespace SignauxFaibles.Portal.Exports;

/// <summary>
/// Spreadsheets for committee meetings. The list (scoring service) and the follows (feature
/// service) are read with purpose=export, so each export is written to the owning service's audit
/// log under the officer's name (access.md).
/// </summary>
public static class ExportEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const int MaxRows = 20_000;

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder root)
    {
        // Exports are audited: a POST from the portal's own form (antiforgery), never a GET another site could trigger.
        var app = root.MapGroup("/export").AddEndpointFilter<ConfidentialityEndpointFilter>().AddEndpointFilter<AntiforgeryEndpointFilter>();
        app.MapPost("/liste.xlsx", async (GatewayClient services, [AsParameters] ExportQuery q, CancellationToken ct) =>
        {
            var followed = (await services.FollowedAsync(ct)).Select(f => f.Siren).ToHashSet();
            var filters = new ListFilters(q.Departement, q.Region, q.Level, q.Section, q.Size, q.MinHeadcount, q.MaxHeadcount,
                q.FirstAlertOnly ?? false, q.HideFollowed ?? false, q.Sort ?? "risk", 1, 500, q.MinTurnover, q.MaxTurnover);
            var rows = new List<ListedCompany>();
            while (rows.Count < MaxRows)
            {
                var page = await services.DetectionListAsync(filters, filters.HideFollowed ? followed : [], forExport: true, ct);
                if (!page.Ok) return Results.Problem($"Export impossible : {page.Error}", statusCode: page.Status);
                rows.AddRange(page.Value!.Companies);
                if (page.Value.Companies.Count < filters.PageSize) break;
                filters = filters with { Page = filters.Page + 1 };
            }
            return await WriteAsync("liste-de-detection.xlsx", "Liste de détection",
                ["SIREN", "Raison sociale", "Département", "Région", "Activité (NAF)", "Secteur (section NAF)", "Taille", "Effectif", "Chiffre d'affaires (€)", "Niveau", "Évolution", "Première alerte", "Thème principal", "Mois", "Suivie"],
                rows.Select(c => new DataCell[]
                {
                    // Named as on the page (département and NAF names keep their code), not as the API codes them.
                    new(c.Siren), new(c.Name), new(Fr.Departement(c.Departement)), new(Fr.Region(c.Region)), new(Fr.Naf(c.NafCode)), new(Fr.Naf(c.NafSection)),
                    new(Fr.SizeClass(c.SizeClass)),
                    c.Headcount is { } h ? new DataCell(h) : new DataCell((string?)null),
                    c.Turnover is { } t ? new DataCell(t) : new DataCell((string?)null), new(Fr.Level(c.Level)), new(Fr.Change(c.Level, c.PreviousLevel)),
                    new(c.FirstAlert ? "oui" : "non"), new(c.MainTheme), new(Fr.Month(c.Month)), new(followed.Contains(c.Siren) ? "oui" : "non"),
                }), ct);
        });
        app.MapPost("/suivies.xlsx", async (GatewayClient services, CancellationToken ct) =>
        {
            var followed = await services.FollowedAsync(ct, forExport: true);
            return await WriteAsync("entreprises-suivies.xlsx", "Entreprises suivies", ["SIREN", "Motif", "Commentaire", "Suivie depuis", "Statut", "Alerte utile"],
                followed.Select(f => new DataCell[]
                {
                    new(f.Siren), new(Fr.FollowReason(f.Reason)), new(f.Comment), new(Fr.Date(f.Since)),
                    new(Fr.FollowStatus(f.Status)), new(f.Useful switch { true => "utile", false => "pas utile", null => "" }),
                }), ct);
        });
        app.MapPost("/liste-publiee.xlsx", async (GatewayClient services, [FromQuery(Name = "mois")] string month, CancellationToken ct) =>
        {
            var list = await services.PublishedListAsync(month, forExport: true, ct);
            if (!list.Ok) return Results.Problem($"Export impossible : {list.Error}", statusCode: list.Status);
            return await WriteAsync($"liste-{list.Value!.List.Month}.xlsx", $"Liste {Fr.Month(list.Value.List.Month)}",
                ["SIREN", "Raison sociale", "Niveau", "Probabilité", "Département", "Région", "Secteur (section NAF)", "Thème principal", "Version du modèle"],
                list.Value.Companies.Select(c => new DataCell[]
                {
                    new(c.Siren), new(c.Name), new(Fr.Level(c.Level)), new(c.Probability), new(Fr.Departement(c.Departement)), new(Fr.Region(c.Region)),
                    new(Fr.Naf(c.NafSection)), new(c.MainTheme), new(c.ModelVersion),
                }), ct);
        });
        return root;
    }

    private static async Task<IResult> WriteAsync(string fileName, string sheet, string[] header, IEnumerable<DataCell[]> rows, CancellationToken ct)
    {
        // Built in memory (at most MaxRows rows): the writer flushes synchronously on completion,
        // which Kestrel's response stream refuses.
        var buffer = new MemoryStream();
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(buffer, cancellationToken: ct))
        {
            await spreadsheet.StartWorksheetAsync(sheet, token: ct);
            await spreadsheet.AddRowAsync(header.Select(h => new DataCell(h)).ToArray(), ct);
            foreach (var row in rows) await spreadsheet.AddRowAsync(row, ct);
            await spreadsheet.FinishAsync(ct);
        }
        return Results.File(buffer.ToArray(), Xlsx, fileName);
    }
}

/// <summary>The list's filters as the export form's address carries them (the list page's query string).</summary>
public sealed record ExportQuery(
    string? Departement, string? Region, string? Level, string? Section, string? Size, int? MinHeadcount, int? MaxHeadcount,
    bool? FirstAlertOnly, bool? HideFollowed, string? Sort, int? MinTurnover = null, int? MaxTurnover = null);

/// <summary>Refuses a state-changing or audit-writing form post that does not come from the portal's own page.</summary>
public sealed class AntiforgeryEndpointFilter(Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        await antiforgery.IsRequestValidAsync(context.HttpContext)
            ? await next(context)
            : Results.Problem("Le formulaire a expiré : rechargez la page.", statusCode: StatusCodes.Status400BadRequest);
}
