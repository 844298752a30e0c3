using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Modeling.Scoring;
using SignauxFaibles.Scoring.Data;
using SignauxFaibles.Scoring.Scores;

namespace SignauxFaibles.Scoring.Registry;

/// <summary>The version in use, its loaded model and the plan of its features.</summary>
public sealed record ActiveModel(int VersionId, string Version, ScoringModel Model)
{
    public FeaturePlan Plan { get; } = new(Model.Manifest.Features);
}

/// <summary>
/// Keeps the active version loaded. Every batch asks the database which version is active (one
/// indexed row), so a promotion made through any instance reaches all of them at their next batch.
/// </summary>
public sealed class ActiveModelCache
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ActiveModel? _current;

    public async Task<ActiveModel?> GetAsync(ScoringDbContext db, CancellationToken ct)
    {
        var active = await db.ModelVersions.AsNoTracking().Where(v => v.IsActive)
            .Select(v => new { v.Id, v.Version }).SingleOrDefaultAsync(ct);
        if (active is null) return null;
        if (_current?.VersionId == active.Id) return _current;
        await _gate.WaitAsync(ct);
        try
        {
            if (_current?.VersionId == active.Id) return _current;
            var artifact = await db.ModelVersions.AsNoTracking().Where(v => v.Id == active.Id).Select(v => v.Artifact).SingleAsync(ct);
            _current = new ActiveModel(active.Id, active.Version, ModelArtifact.Load(artifact));
            ScoringMetrics.ModelActivated(active.Version);
            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }
}
