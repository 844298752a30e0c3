namespace SignauxFaibles.Indicators.Panel;

/// <summary>
/// Which panel columns come from confidential sources, and the right each needs (access.md): one
/// table for every service that answers with a source value (the feature service's panel, the
/// scoring service's explanations). Registry data, headcount, published accounts, payment delays
/// and proceedings need none. The rights are named as in the officers' tokens.
/// </summary>
public static class ConfidentialColumns
{
    public const string UrssafRight = "urssaf";
    public const string DgefpRight = "dgefp";
    public const string BdfRight = "bdf";

    private static readonly Dictionary<string, string> RightByColumn = Build();

    /// <summary>The right a column needs, or null when every officer may see it.</summary>
    public static string? RightFor(string column) => RightByColumn.GetValueOrDefault(column);

    private static Dictionary<string, string> Build()
    {
        var rights = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in PanelSchema.UrssafColumns) rights[c] = UrssafRight;
        // A dynamic derived from the URSSAF debt reveals it as much as the amounts do.
        rights["dyn_dette_soldee"] = UrssafRight;
        foreach (var c in PanelSchema.ShortTimeWorkColumns) rights[c] = DgefpRight;
        rights["dyn_fin_activite_partielle"] = DgefpRight;
        foreach (var c in PanelSchema.BanqueDeFranceColumns) rights[c] = BdfRight;
        return rights;
    }
}
