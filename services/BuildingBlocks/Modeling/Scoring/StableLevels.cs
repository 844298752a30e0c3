namespace SignauxFaibles.Modeling.Scoring;

/// <summary>
/// Levels that do not flap on small moves (hysteresis against the last published list): a
/// company enters a list or rises at the thresholds the model was validated with, but a company
/// on last month's published list keeps its level while its probability stays within
/// <c>band</c> (a share of the threshold) below it. Both the scoring service and
/// <c>sf model score --previous</c> apply it, so the live and the offline list stay the same.
/// </summary>
public static class StableLevels
{
    /// <summary>The default band: 10 % of the threshold.</summary>
    public const double DefaultBand = 0.1;

    public static AlertLevel Of(double probability, double red, double orange, AlertLevel published, double band)
    {
        var raw = probability >= red ? AlertLevel.Red : probability >= orange ? AlertLevel.Orange : AlertLevel.None;
        if (raw >= published) return raw;
        if (published == AlertLevel.Red && probability >= red * (1 - band)) return AlertLevel.Red;
        return probability >= orange * (1 - band) ? AlertLevel.Orange : AlertLevel.None;
    }
}
