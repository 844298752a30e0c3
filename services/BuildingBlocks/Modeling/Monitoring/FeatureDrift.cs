namespace SignauxFaibles.Modeling.Monitoring;

/// <summary>One feature of the active model, live against training: shares missing, and the stability index of its present values (null when not measurable).</summary>
public sealed record FeatureDrift(string Feature, double TrainingMissing, double LiveMissing, double? StabilityIndex, long LivePresent)
{
    /// <summary>
    /// Each feature of <paramref name="features"/> measured over the live <paramref name="rows"/>.
    /// Without a profile (a model saved before profiles) only the missing rates are compared, with
    /// <paramref name="trainingMissing"/>.
    /// </summary>
    public static IReadOnlyList<FeatureDrift> Measure(IReadOnlyList<string> features, IReadOnlyList<float[]> rows,
        TrainingProfile? profile, IReadOnlyDictionary<string, double>? trainingMissing)
    {
        var drifts = new List<FeatureDrift>(features.Count);
        for (var f = 0; f < features.Count; f++)
        {
            var values = rows.Select(r => (double)r[f]);
            var name = features[f];
            if (profile?.Features.GetValueOrDefault(name) is { } reference)
            {
                var live = reference.Measure(values);
                drifts.Add(new FeatureDrift(name, reference.Missing, live.Missing, PopulationStability.Index(reference.Shares, live), live.Present));
            }
            else if (trainingMissing is not null && trainingMissing.TryGetValue(name, out var missing))
            {
                var live = new DistributionProfile([], [], missing).Measure(values);
                drifts.Add(new FeatureDrift(name, missing, live.Missing, null, live.Present));
            }
        }
        return drifts;
    }
}
