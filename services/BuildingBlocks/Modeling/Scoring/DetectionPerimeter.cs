namespace SignauxFaibles.Modeling.Scoring;

/// <summary>
/// Which company months the detection scores: in the perimeter (indicators.md) and not already in
/// a collective proceeding (the officers know those, and model.md trains without them). The
/// scoring service and <c>sf model score</c> both ask here, so the live list and the offline one
/// leave out the same companies.
/// </summary>
public static class DetectionPerimeter
{
    public const string InProceedingColumn = "en_procedure";
    public const string PerimeterColumn = "perimetre";

    public const string InProceeding = "procedure_en_cours";
    public const string OutOfPerimeter = "hors_perimetre";

    /// <summary>Why a company month is not scored, or null when it is; <paramref name="value"/> gives a panel column (NaN = missing).</summary>
    public static string? Exclusion(Func<string, float> value)
    {
        if (value(InProceedingColumn) >= 1) return InProceeding;
        var perimeter = value(PerimeterColumn);
        return !float.IsNaN(perimeter) && perimeter < 1 ? OutOfPerimeter : null;
    }
}
