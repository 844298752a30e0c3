using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Indicators.Panel;

namespace SignauxFaibles.Scoring.Explanations;

/// <summary>
/// An explanation as an officer may read it (access.md): a feature from a source the officer holds
/// no right to keeps its theme, its label and which way it pushes the risk, but loses its value and
/// every figure of its sentence. The size of the contribution is the model's, not a source value.
/// </summary>
public static class WithheldValues
{
    public static FeatureContribution For(FeatureContribution feature, Func<string, bool> holds) =>
        ConfidentialColumns.RightFor(feature.Feature) is { } right && !holds(right)
            ? feature with { Value = null, Explanation = Glossary.Withheld(feature.Feature, right, feature.Contribution) }
            : feature;
}
