namespace SignauxFaibles.Indicators.Panel;

/// <summary>
/// Which panel columns come from confidential sources, and the right each needs (access.md): one
/// table for every service that answers with a source value (the feature service's panel, the
/// scoring service's explanations). Registry data, headcount, payment delays and proceedings need
/// none. Accounts need the dgfip right: a value may come from a tax return, and the panel does not
/// keep which source gave it, so a Diane-only value is protected as if it were one (the safe side).
/// The rights are named as in the officers' tokens.
/// </summary>
public static class ConfidentialColumns
{
    public const string UrssafRight = "urssaf";
    public const string DgefpRight = "dgefp";
    public const string BdfRight = "bdf";
    public const string DgfipRight = "dgfip";

    /// <summary>The rights a panel column may need, in the order sections are shown.</summary>
    public static readonly IReadOnlyList<string> Rights = [UrssafRight, DgefpRight, BdfRight, DgfipRight];

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
        foreach (var c in PanelSchema.AccountsColumns) rights[c] = DgfipRight;
        return rights;
    }
}
