using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SignauxFaibles.Indicators.Panel;
using SignauxFaibles.Modeling.Scoring;
using SignauxFaibles.Scoring.Data;
using SignauxFaibles.Scoring.Monitoring;
using SignauxFaibles.Scoring.Rescoring;
using SignauxFaibles.Scoring.Scores;

namespace SignauxFaibles.Scoring.Registry;

/// <summary>Registration, promotion and rollback of model versions; a promotion or rollback queues a rescore of the perimeter.</summary>
public sealed class ModelRegistry(ScoringDbContext db, RescoreQueue rescores, TimeProvider clock, LivePopulation live, IOptions<PromotionOptions> promotion)
{
    public async Task<ModelVersion> RegisterAsync(byte[] artifact, CancellationToken ct)
    {
        var manifest = ModelArtifact.Load(artifact).Manifest;
        var sha = ModelArtifact.Sha256(artifact);
        var existing = await db.ModelVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ArtifactSha256 == sha, ct);
        if (existing is not null) return existing;
        var next = (await db.ModelVersions.MaxAsync(v => (int?)v.Id, ct) ?? 0) + 1;
        var version = new ModelVersion
        {
            Version = $"v{next}", Name = manifest.Name, Description = manifest.Description, TrainedAt = manifest.TrainedAt,
            RegisteredAt = clock.GetUtcNow(), TrainFrom = manifest.TrainFrom, TrainTo = manifest.TrainTo,
            Features = manifest.Features.ToList(), Metrics = JsonSerializer.Serialize(manifest.Metrics, ScoringModel.Json),
            RedThreshold = manifest.RedThreshold, OrangeThreshold = manifest.OrangeThreshold, Artifact = artifact, ArtifactSha256 = sha,
            TrainingFingerprint = manifest.TrainingFingerprint, CodeVersion = manifest.CodeVersion,
        };
        db.ModelVersions.Add(version);
        await db.SaveChangesAsync(ct);
        return version;
    }

    /// <summary>
    /// Makes <paramref name="version"/> the active one; null when no such version exists. Throws
    /// <see cref="PromotionRefusedException"/> when the <see cref="PromotionGate"/> refuses it.
    /// </summary>
    public async Task<RescoreRun?> PromoteAsync(string version, CancellationToken ct)
    {
        var target = await db.ModelVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Version == version, ct);
        if (target is null) return null;
        var manifest = ModelArtifact.Load(target.Artifact).Manifest;
        var refusals = PromotionGate.Refusals(manifest, PanelSchema.Company, await LiveMissingRatesAsync(manifest.Features, ct), promotion.Value.MissingRateTolerance);
        if (refusals.Count > 0) throw new PromotionRefusedException(version, refusals);
        return await ActivateAsync(version, "promote", ct);
    }

    /// <summary>Share of missing values per feature over the scorable companies' latest months; null when too few are known.</summary>
    private async Task<IReadOnlyDictionary<string, double>?> LiveMissingRatesAsync(IReadOnlyList<string> features, CancellationToken ct)
    {
        var rows = await live.RowsAsync(features, ct);
        return rows.Count < promotion.Value.MinimumCompanies ? null : ScoringModel.MissingRates(features, rows);
    }

    /// <summary>Goes back to the version active before the current one; null when there is none.</summary>
    public async Task<RescoreRun?> RollbackAsync(CancellationToken ct)
    {
        var history = await db.Activations.AsNoTracking().OrderByDescending(a => a.Id).Select(a => a.Version).ToListAsync(ct);
        var current = history.FirstOrDefault();
        var previous = history.Skip(1).FirstOrDefault(v => v != current);
        return previous is null ? null : await ActivateAsync(previous, "rollback", ct);
    }

    private async Task<RescoreRun?> ActivateAsync(string version, string reason, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var target = await db.ModelVersions.FirstOrDefaultAsync(v => v.Version == version, ct);
        if (target is null) return null;
        // Lock the registry's rows so two promotions cannot interleave; the partial unique index backs this up.
        await db.Database.ExecuteSqlRawAsync("lock table model_versions in share row exclusive mode", ct);
        await db.ModelVersions.Where(v => v.IsActive && v.Id != target.Id).ExecuteUpdateAsync(s => s.SetProperty(v => v.IsActive, false), ct);
        target.IsActive = true;
        db.Activations.Add(new ModelActivation { ModelVersionId = target.Id, Version = target.Version, Reason = reason, ActivatedAt = clock.GetUtcNow() });
        var run = rescores.Enqueue(db, $"{reason} {target.Version}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        rescores.Wake();
        return run;
    }
}
