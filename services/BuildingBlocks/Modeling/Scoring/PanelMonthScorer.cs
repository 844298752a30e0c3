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
    public static IEnumerable<ScoredCompany> Score(ScoringModel model, IEnumerable<PanelMonth> months)
    {
        foreach (var month in months)
        {
            if (DetectionPerimeter.Exclusion(month.Value) is { } reason)
            {
                yield return new ScoredCompany(month.Siren, null, reason);
                continue;
            }
            var row = ModelInputRow.Build(model.Manifest.Features, month.Value, month.Label);
            yield return new ScoredCompany(month.Siren, model.Score(row), null);
        }
    }
}
