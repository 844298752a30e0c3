using System.Globalization;
using SignauxFaibles.Indicators.Panel;
using SignauxFaibles.Modeling.Scoring;

namespace SignauxFaibles.Scoring.Registry;

/// <summary>Settings of the promotion gate (section <c>Scoring:Promotion</c>).</summary>
public sealed class PromotionOptions
{
    /// <summary>Largest accepted gap, per feature, between the live and the training share of missing values (0–1).</summary>
    public double MissingRateTolerance { get; set; } = 0.2;

    /// <summary>Fewer scorable companies than this and the live missing rates say too little: that check is skipped.</summary>
    public int MinimumCompanies { get; set; } = 200;
}

/// <summary>
/// What a version must show before it scores the companies officers read: every feature it reads
/// exists in the live panel (a renamed or dropped column would silently score as missing), and
/// the live share of missing values of each feature is close to the one it was trained on (a
/// source gone quiet, or rows unlike the training rows). Each failure is a reason, in the words
/// the refusal gives.
/// </summary>
public static class PromotionGate
{
    /// <param name="liveMissingRates">Share of missing values per feature over the live scorable companies, or null when too few are known.</param>
    public static IReadOnlyList<string> Refusals(ModelManifest manifest, PanelSchema panel, IReadOnlyDictionary<string, double>? liveMissingRates, double tolerance)
    {
        var reasons = new List<string>();
        var columns = panel.Values.ToHashSet(StringComparer.Ordinal);
        var labels = panel.Labels.ToHashSet(StringComparer.Ordinal);
        foreach (var feature in manifest.Features)
        {
            var equals = feature.IndexOf('=', StringComparison.Ordinal);
            var known = equals < 0 ? columns.Contains(feature) : labels.Contains(feature[..equals]);
            if (!known) reasons.Add($"feature '{feature}' is not in the live panel");
        }
        if (liveMissingRates is null || manifest.MissingRates is null) return reasons;
        foreach (var (feature, trained) in manifest.MissingRates)
        {
            if (!liveMissingRates.TryGetValue(feature, out var live) || Math.Abs(live - trained) <= tolerance) continue;
            reasons.Add(string.Create(CultureInfo.InvariantCulture,
                $"feature '{feature}' is missing for {live:P0} of the live companies against {trained:P0} in training (tolerance {tolerance:P0})"));
        }
        return reasons;
    }
}

/// <summary>A promotion the gate refused, with every reason.</summary>
public sealed class PromotionRefusedException(string version, IReadOnlyList<string> reasons)
    : Exception($"Version {version} is not promoted: {string.Join("; ", reasons)}.")
{
    public IReadOnlyList<string> Reasons { get; } = reasons;
}
