using System.Diagnostics;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Modeling.Explanations;
using SignauxFaibles.Modeling.Scoring;
using SignauxFaibles.Scoring.Explanations;
using SignauxFaibles.Scoring.Registry;

namespace SignauxFaibles.Scoring.Scores;

/// <summary>A company's latest month of indicators and, when known, the month three months before.</summary>
public sealed record ScoringInput(Siren Siren, YearMonth Month, Layout Layout, float[] Values, (Layout Layout, float[] Values)? ThreeMonthsAgo,
    IReadOnlyDictionary<string, string>? Labels = null)
{
    /// <summary>The model's feature row (<see cref="ModelInputRow"/>).</summary>
    public float[] Row(IReadOnlyList<string> features) =>
        ModelInputRow.Build(features, name => Layout.Get(Values, name), label => Labels?.GetValueOrDefault(label));
}

/// <summary>A scored company, or the reason it is not scored (then <see cref="Score"/> is null).</summary>
public sealed record ScoringResult(
    ScoringInput Input,
    string? NotScoredReason,
    RiskScore? Score,
    double Baseline,
    double[] Themes,
    IReadOnlyList<FeatureContribution> TopFeatures)
{
    public RiskLevel Level => Score is null ? RiskLevel.None : CompanyScorer.ToRiskLevel(Score.Level);

    public IReadOnlyList<ThemeContribution> ThemeContributions =>
        Explanations.Themes.All.Select((theme, i) => new ThemeContribution(theme, Themes[i])).ToArray();

    /// <summary>The theme that pushes the risk up the most, for the detection list.</summary>
    public string? MainTheme => Score is null ? null : Explanations.Themes.All[Array.IndexOf(Themes, Themes.Max())];
}

/// <summary>
/// Scores and explains companies with the active model. Companies outside the perimeter or
/// already in a collective proceeding are not scored (the officers already know the latter,
/// and the model is trained without them).
/// </summary>
public static class CompanyScorer
{
    private const int TopFeatures = 5;

    /// <summary>One company through the model's pooled prediction engines (the online path).</summary>
    public static ScoringResult ScoreOne(ActiveModel active, ScoringInput input)
    {
        if (Excluded(input) is { } reason) return NotScored(input, reason);
        var started = Stopwatch.GetTimestamp();
        var row = active.Plan.Row(input);
        var score = active.Model.Score(row);
        var explanation = active.Model.Explainer!.Explain(row);
        var result = Explain(active, input, row, score, explanation);
        ScoringMetrics.ScoreDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        return result;
    }

    /// <summary>
    /// Many companies (the rescoring path): the margin is the explanation's, which adds up to the
    /// prediction engine's, so the figures are those of <see cref="ScoreOne"/>.
    /// </summary>
    public static IReadOnlyList<ScoringResult> ScoreMany(ActiveModel active, IReadOnlyList<ScoringInput> inputs)
    {
        var results = new ScoringResult?[inputs.Count];
        var scored = new List<int>();
        for (var i = 0; i < inputs.Count; i++)
            if (Excluded(inputs[i]) is { } reason) results[i] = NotScored(inputs[i], reason); else scored.Add(i);
        var rows = scored.Select(i => active.Plan.Row(inputs[i])).ToArray();
        var explanations = active.Model.Explainer!.Explain(rows);
        for (var k = 0; k < scored.Count; k++)
        {
            var i = scored[k];
            results[i] = Explain(active, inputs[i], rows[k], active.Model.FromMargin(explanations[k].Margin), explanations[k]);
        }
        return results!;
    }

    public static RiskLevel ToRiskLevel(AlertLevel level) => level switch
    {
        AlertLevel.Red => RiskLevel.High,
        AlertLevel.Orange => RiskLevel.Moderate,
        _ => RiskLevel.None,
    };

    private static string? Excluded(ScoringInput input) => DetectionPerimeter.Exclusion(name => input.Layout.Get(input.Values, name));

    private static ScoringResult NotScored(ScoringInput input, string reason) =>
        new(input, reason, null, 0, new double[Explanations.Themes.All.Count], []);

    private static ScoringResult Explain(ActiveModel active, ScoringInput input, float[] row, RiskScore score, MarginExplanation explanation)
    {
        var features = active.Model.Manifest.Features;
        var themes = new double[Explanations.Themes.All.Count];
        for (var f = 0; f < features.Count; f++) themes[active.Plan.Theme[f]] += explanation.Contributions[f];
        themes[active.Plan.MissingValuesTheme] += explanation.MissingValues;

        // The few largest positive contributions, the missing-value count competing as one more.
        var top = new List<(int Feature, double Contribution)>(TopFeatures + 1);
        for (var f = 0; f <= features.Count; f++)
        {
            var contribution = f < features.Count ? explanation.Contributions[f] : explanation.MissingValues;
            if (contribution <= 0 || (top.Count == TopFeatures && contribution <= top[^1].Contribution)) continue;
            var at = top.FindIndex(t => contribution > t.Contribution);
            top.Insert(at < 0 ? top.Count : at, (f, contribution));
            if (top.Count > TopFeatures) top.RemoveAt(TopFeatures);
        }
        var missing = row.Count(float.IsNaN);
        var described = top.Select(t => t.Feature < features.Count
                ? Describe(input, features[t.Feature], Known(row[t.Feature]), t.Contribution)
                : Describe(input, Explanations.Themes.MissingValues, missing, t.Contribution))
            .ToArray();
        return new ScoringResult(input, null, score, explanation.Baseline, themes, described);
    }

    private static FeatureContribution Describe(ScoringInput input, string feature, double? value, double contribution)
    {
        double? before = input.ThreeMonthsAgo is { } earlier ? Known(earlier.Layout.Get(earlier.Values, feature)) : null;
        return new FeatureContribution(feature, Explanations.Themes.Of(feature), value, contribution, Glossary.Sentence(feature, value, before, contribution));
    }

    private static double? Known(float value) => float.IsNaN(value) ? null : value;
}
