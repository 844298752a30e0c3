using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SignauxFaibles.Portal.Api;

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

    /// <summary>"21, 25 (région 27)": where the company is placed.</summary>
    public static string Place(CompanySearchResult c)
    {
        var departements = string.Join(", ", c.Departements);
        var regions = string.Join(", ", c.Regions);
        return (departements, regions) switch
        {
            ("", "") => "—",
            ("", _) => $"région {regions}",
            (_, "") => departements,
            _ => $"{departements} (région {regions})",
        };
    }
}
