using SignauxFaibles.Modeling.Data;

namespace SignauxFaibles.Modeling.Scoring;

/// <summary>A company month as the detection sees it: scored (with its level), or left out with the reason.</summary>
public sealed record ScoredCompany(string Siren, RiskScore? Score, string? NotScoredReason)
{
    public AlertLevel Level => Score?.Level ?? AlertLevel.None;
}

/// <summary>
/// Scores the company months of a panel file with a saved model under the rules of the live
/// service (<see cref="DetectionPerimeter"/>, <see cref="ModelInputRow"/>): the offline detection list
/// of <c>sf model score</c>, to set beside the one officers read.
/// </summary>
public static class PanelMonthScorer
{
    /// <param name="previous">Levels of the list published the month before (<see cref="StableLevels"/>), if any.</param>
    /// <param name="band">The hysteresis band of the service (<c>Scoring:Levels:HysteresisBand</c>).</param>
    public static IEnumerable<ScoredCompany> Score(ScoringModel model, IEnumerable<PanelMonth> months,
        IReadOnlyDictionary<string, AlertLevel>? previous = null, double band = StableLevels.DefaultBand)
    {
        foreach (var month in months)
        {
            if (DetectionPerimeter.Exclusion(month.Value) is { } reason)
            {
                yield return new ScoredCompany(month.Siren, null, reason);
                continue;
            }
            var row = ModelInputRow.Build(model.Manifest.Features, month.Value, month.Label);
            var score = model.Score(row);
            if (previous?.GetValueOrDefault(month.Siren) is { } published and not AlertLevel.None && band > 0)
                score = score with { Level = StableLevels.Of(score.Probability, model.Manifest.RedThreshold, model.Manifest.OrangeThreshold, published, band) };
            yield return new ScoredCompany(month.Siren, score, null);
        }
    }
}
