using SignauxFaibles.Indicators.Panel;
using SignauxFaibles.Security.Authentication;

namespace SignauxFaibles.Features.Access;

/// <summary>
/// Which panel columns come from confidential sources, and the right each needs (access.md).
/// Registry data, headcount, published accounts, payment delays and proceedings need none.
/// </summary>
public static class ConfidentialColumns
{
    private static readonly Dictionary<string, string> RightByColumn = Build();

    /// <summary>The right a column needs, or null when every officer may see it.</summary>
    public static string? RightFor(string column) => RightByColumn.GetValueOrDefault(column);

    private static Dictionary<string, string> Build()
    {
        var rights = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in PanelSchema.UrssafColumns) rights[c] = Rights.Urssaf;
        // A dynamic derived from the URSSAF debt reveals it as much as the amounts do.
        rights["dyn_dette_soldee"] = Rights.Urssaf;
        foreach (var c in PanelSchema.ShortTimeWorkColumns) rights[c] = Rights.Dgefp;
        rights["dyn_fin_activite_partielle"] = Rights.Dgefp;
        foreach (var c in PanelSchema.BanqueDeFranceColumns) rights[c] = Rights.Bdf;
        return rights;
    }
}
