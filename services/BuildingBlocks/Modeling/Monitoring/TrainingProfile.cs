namespace SignauxFaibles.Modeling.Monitoring;

/// <summary>
/// What the model saw in training, for watching it once promoted: each feature's and the
/// calibrated probability's distribution over the training rows whose histories are as deep as
/// the live panel's (the latest training year, the rows the missing rates come from).
/// </summary>
public sealed record TrainingProfile(int Rows, IReadOnlyDictionary<string, DistributionProfile> Features, DistributionProfile Scores)
{
    /// <param name="rows">Feature rows in the order of <paramref name="features"/> (NaN = missing).</param>
    /// <param name="probabilities">The model's calibrated probability of each row.</param>
    public static TrainingProfile Of(IReadOnlyList<string> features, IReadOnlyList<float[]> rows, IReadOnlyList<double> probabilities)
    {
        if (rows.Count != probabilities.Count) throw new ArgumentException($"{rows.Count} rows for {probabilities.Count} probabilities.");
        var profiles = features.Select((name, f) => (name, profile: DistributionProfile.Of(rows.Select(r => (double)r[f]))))
            .ToDictionary(x => x.name, x => x.profile, StringComparer.Ordinal);
        return new TrainingProfile(rows.Count, profiles, DistributionProfile.Of(probabilities));
    }
}
