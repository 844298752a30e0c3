using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Features.Data;
using SignauxFaibles.Features.Panel;
using SignauxFaibles.Indicators.Panel;
using SignauxFaibles.Security.Access;
using SignauxFaibles.Security.Audit;
using SignauxFaibles.Security.Zones;

namespace SignauxFaibles.Features.Access;

/// <summary>What an officer may see of one company's panel.</summary>
/// <param name="Rights">Rights whose columns are shown (held, and the company listed or followed).</param>
/// <param name="Withheld">Why the other confidential columns are not, per right.</param>
public sealed record CompanyView(IReadOnlySet<string> Rights, IReadOnlyDictionary<string, string> Withheld)
{
    public bool Shows(string column) => ConfidentialColumns.RightFor(column) is not { } right || Rights.Contains(right);
}

/// <summary>The access rule of access.md applied to a company of the panel, with its audit entries.</summary>
public sealed class CompanyAccess(FeaturesDbContext db, IDetectionListMembership membership, IAuditLog audit)
{
    private static readonly int CompanyDepartement = PanelSchema.Company.Labels.ToList().IndexOf("departement");
    private static readonly int CompanyRegion = PanelSchema.Company.Labels.ToList().IndexOf("region");
    private static readonly int EstablishmentDepartement = PanelSchema.Establishment.Labels.ToList().IndexOf("departement");
    private static readonly int EstablishmentRegion = PanelSchema.Establishment.Labels.ToList().IndexOf("region");

    /// <summary>
    /// The company's establishments as Sirene last said (open or closed), for the zone rule; when
    /// Sirene has not told this service yet, the places its panel rows carry.
    /// </summary>
    public async Task<IReadOnlyList<EstablishmentPlace>> PlacesAsync(string siren, IReadOnlyCollection<StoredPanelMonth> rows, CancellationToken ct)
    {
        if (Siren.TryParse(siren, out var id) && await KnownEstablishments.PlacesAsync(db, id, ct) is { Count: > 0 } known) return known;
        return rows.Select(Place).Where(p => p.Departement is not null || p.Region is not null).Distinct().ToList();
    }

    /// <summary>The one zone rule (Security's CompanyZone): any open establishment in the zone.</summary>
    public static bool InZone(OfficerAccess officer, IReadOnlyCollection<EstablishmentPlace> places) => officer.CoversCompany(places);

    /// <summary>Records the out-of-zone attempt and answers 403.</summary>
    public async Task<IResult> RefuseOutOfZoneAsync(OfficerAccess officer, string siren, IReadOnlyCollection<EstablishmentPlace> places, CancellationToken ct)
    {
        var placing = CompanyZone.Placing(places);
        var where = placing.Count == 0 ? "no known establishment" : string.Join(", ", placing.Select(p => p.Departement ?? "région " + p.Region).Distinct());
        await audit.RecordAsync(AuditActions.OutOfZone, siren, AuditOutcomes.Refused,
            $"company located in {where}; officer habilitated for {Zone(officer)}", ct);
        return Results.Problem($"{siren} is outside your zone.", statusCode: StatusCodes.Status403Forbidden);
    }

    /// <summary>The confidential rights that apply to a company in the zone; a view that shows any is audited.</summary>
    public async Task<CompanyView> DecideAsync(OfficerAccess officer, string siren, CancellationToken ct)
    {
        var listed = await membership.IsListedOrFollowedAsync(officer, siren, ct);
        var shown = new HashSet<string>(StringComparer.Ordinal);
        var withheld = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var right in ConfidentialColumns.Rights)
        {
            if (!officer.Holds(right)) withheld[right] = $"the officer does not hold the {right} right";
            else if (!listed) withheld[right] = "the company is neither on the current red/orange list nor followed by the officer";
            else shown.Add(right);
        }
        if (shown.Count > 0)
        {
            await audit.RecordAsync(AuditActions.ConfidentialView, siren, AuditOutcomes.Allowed,
                $"company indicators with {string.Join(", ", shown.Order())} data", ct);
        }
        return new CompanyView(shown, withheld);
    }

    // A panel row is an establishment active that month (or the company itself): counted open.
    private static EstablishmentPlace Place(StoredPanelMonth row) => row.Siret.Length == 0
        ? new(Label(row, CompanyDepartement), Label(row, CompanyRegion), Open: true)
        : new(Label(row, EstablishmentDepartement), Label(row, EstablishmentRegion), Open: true);

    private static string? Label(StoredPanelMonth row, int index) => index >= 0 && index < row.Labels.Length ? row.Labels[index] : null;

    private static string Zone(OfficerAccess officer) => officer.National
        ? "the whole country"
        : string.Join(", ", officer.Departements.Select(d => "dep " + d).Concat(officer.Regions.Select(r => "reg " + r)).DefaultIfEmpty("nothing"));
}
