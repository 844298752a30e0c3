using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Modeling.Scoring;
using SignauxFaibles.Modeling.Training;
using SignauxFaibles.Scoring.Data;
using SignauxFaibles.Scoring.Registry;

namespace SignauxFaibles.Scoring.Explanations;

/// <summary>
/// Explanations in points of probability, the scale officers read scores on. The path attributions
/// add up to margin − baseline (log-odds); each is given the same share of probability − the
/// baseline's probability, so that the points add up to how far the company sits from the average
/// training company of the perimeter (the baseline).
/// </summary>
public sealed class ProbabilityScale
{
    private readonly ConcurrentDictionary<string, ProbabilityCalibrator> _calibrations = new(StringComparer.Ordinal);

    /// <summary>
    /// The baseline's probability and the factor from margin to probability points, for a score of
    /// <paramref name="version"/>; null when the registry no longer holds that version's model.
    /// </summary>
    public async Task<(double BaselineProbability, double Factor)?> OfAsync(ScoringDbContext db, string version, double probability, double margin, double baseline, CancellationToken ct)
    {
        if (!_calibrations.TryGetValue(version, out var calibrator))
        {
            var artifact = await db.ModelVersions.AsNoTracking().Where(v => v.Version == version).Select(v => v.Artifact).SingleOrDefaultAsync(ct);
            if (artifact is null || ModelArtifact.ReadText(artifact, "model.json") is not { } json) return null;
            var manifest = JsonSerializer.Deserialize<ModelManifest>(json, ScoringModel.Json)!;
            calibrator = _calibrations.GetOrAdd(version, new ProbabilityCalibrator(manifest.CalibrationA, manifest.CalibrationB));
        }
        return Scale(calibrator, probability, margin, baseline);
    }

    public static (double BaselineProbability, double Factor) Scale(ProbabilityCalibrator calibrator, double probability, double margin, double baseline)
    {
        var atBaseline = calibrator.Probability(baseline);
        // At the baseline itself the contributions are ~0: the slope of the calibration there.
        var factor = Math.Abs(margin - baseline) < 1e-9 ? calibrator.A * probability * (1 - probability) : (probability - atBaseline) / (margin - baseline);
        return (atBaseline, factor);
    }
}
