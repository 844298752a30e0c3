using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SignauxFaibles.Portal.Api;
using SignauxFaibles.Portal.Filters;
using SignauxFaibles.Security.Access;

namespace SignauxFaibles.Portal.Pages;

/// <summary>The detection list of the officer's zone (the scoring service filters by the token's zone).</summary>
public sealed class IndexModel(GatewayClient services) : PageModel
{
    public static readonly IReadOnlyList<(string Value, string Label)> Sorts =
        [("risk", "Risque (le plus élevé d'abord)"), ("headcount", "Effectif (décroissant)"), ("departement", "Département"), ("siren", "SIREN")];

    [BindProperty(SupportsGet = true)] public string? Departement { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true)] public string? Section { get; set; }
    [BindProperty(SupportsGet = true)] public string? Size { get; set; }
    [BindProperty(SupportsGet = true)] public int? MinHeadcount { get; set; }
    [BindProperty(SupportsGet = true)] public int? MaxHeadcount { get; set; }
    [BindProperty(SupportsGet = true)] public int? MinTurnover { get; set; }
    [BindProperty(SupportsGet = true)] public int? MaxTurnover { get; set; }
    [BindProperty(SupportsGet = true)] public bool FirstAlertOnly { get; set; }
    [BindProperty(SupportsGet = true)] public bool HideFollowed { get; set; }
    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = "risk";
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public ApiResult<DetectionList>? List { get; private set; }
    public IReadOnlySet<string> Followed { get; private set; } = new HashSet<string>();

    /// <summary>Turnover may come from a tax return: its column and filters need the dgfip right.</summary>
    public bool SeesTurnover => User.HasClaim(SignauxFaibles.Security.Authentication.SfClaims.Right, SignauxFaibles.Security.Authentication.Rights.Dgfip);

    public IReadOnlyList<Choice> DepartementChoices => FilterChoices.Departements(OfficerAccess.From(User), Departement);
    public IReadOnlyList<Choice> RegionChoices => FilterChoices.Regions(OfficerAccess.From(User), Region);
    public IReadOnlyList<Choice> SectionChoices => FilterChoices.Sections(Section);

    public ListFilters Filters => new(Departement, Region, Level, Section, Size, MinHeadcount, MaxHeadcount, FirstAlertOnly, HideFollowed, Sort, Math.Max(1, PageNumber))
    {
        MinTurnoverThousands = SeesTurnover ? MinTurnover : null, MaxTurnoverThousands = SeesTurnover ? MaxTurnover : null,
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        Followed = (await services.FollowedAsync(ct)).Select(f => f.Siren).ToHashSet();
        List = await services.DetectionListAsync(Filters, HideFollowed ? Followed : [], forExport: false, ct);
    }

    /// <summary>The current filters as query values, for the pager and the export link.</summary>
    public Dictionary<string, string?> Query(int? page = null)
    {
        var q = new Dictionary<string, string?>();
        void Add(string key, object? value) { if (value is not null && value.ToString() is { Length: > 0 } s) q[key] = s; }
        Add("departement", Departement); Add("region", Region); Add("level", Level); Add("section", Section); Add("size", Size);
        Add("minHeadcount", MinHeadcount); Add("maxHeadcount", MaxHeadcount);
        Add("minTurnover", MinTurnover); Add("maxTurnover", MaxTurnover);
        if (FirstAlertOnly) q["firstAlertOnly"] = "true";
        if (HideFollowed) q["hideFollowed"] = "true";
        Add("sort", Sort);
        if (page is { } p) q["page"] = p.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return q;
    }
}
