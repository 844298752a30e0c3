using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SignauxFaibles.Portal.Api;
using SignauxFaibles.Portal.French;

namespace SignauxFaibles.Portal.Pages;

/// <summary>
/// Company search (the box in every page's banner): an officer phoned by a company, or reading
/// about one, finds it by SIREN, SIRET, name or commune and opens its file. The scoring service
/// answers only the companies of the officer's zone and audits the search.
/// </summary>
public sealed class RechercheModel(GatewayClient services) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }

    public ApiResult<CompanySearchResults>? Results { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Query)) Results = await services.SearchAsync(Query.Trim(), ct);
    }

    /// <summary>"Côte-d'Or (21), Doubs (25) — Bourgogne-Franche-Comté": where the company is placed, in names.</summary>
    public static string Place(CompanySearchResult c)
    {
        var departements = string.Join(", ", c.Departements.Select(Fr.Departement));
        var regions = string.Join(", ", c.Regions.Select(Fr.Region));
        return (departements, regions) switch
        {
            ("", "") => "—",
            ("", _) => regions,
            (_, "") => departements,
            _ => $"{departements} — {regions}",
        };
    }
}
