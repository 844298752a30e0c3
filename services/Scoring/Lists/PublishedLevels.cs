using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Modeling.Scoring;
using SignauxFaibles.Scoring.Data;
using SignauxFaibles.Scoring.Registry;
using SignauxFaibles.Scoring.Scores;

namespace SignauxFaibles.Scoring.Lists;

/// <summary>Settings of the levels (section <c>Scoring:Levels</c>).</summary>
public sealed class LevelOptions
{
    /// <summary>How far below its threshold (a share of it) a company on last month's published list keeps its level; 0 = no hysteresis.</summary>
    public double HysteresisBand { get; set; } = StableLevels.DefaultBand;
}

/// <summary>
/// Applies <see cref="StableLevels"/> to fresh scores: the level each company had on the latest
/// list published before the scored month holds it within the band. Before any publication the
/// levels are the model's thresholds alone.
/// </summary>
public sealed class PublishedLevels(ScoringDbContext db, IOptions<LevelOptions> options)
{
    public async Task<IReadOnlyList<ScoringResult>> StabiliseAsync(ActiveModel active, IReadOnlyList<ScoringResult> results, CancellationToken ct)
    {
        var band = options.Value.HysteresisBand;
        if (band <= 0 || !results.Any(r => r.Score is not null)) return results;
        var stabilised = results.ToArray();
        foreach (var month in results.Where(r => r.Score is not null).Select(r => r.Input.Month).Distinct())
        {
            var previous = await db.PublishedLists.AsNoTracking().Where(l => l.Month < month).OrderByDescending(l => l.Month).Select(l => (YearMonth?)l.Month).FirstOrDefaultAsync(ct);
            if (previous is null) continue;
            var sirens = results.Where(r => r.Score is not null && r.Input.Month == month).Select(r => r.Input.Siren).ToList();
            var published = await db.PublishedListEntries.AsNoTracking().Where(e => e.Month == previous && sirens.Contains(e.Siren))
                .ToDictionaryAsync(e => e.Siren, e => e.Level, ct);
            if (published.Count == 0) continue;
            for (var i = 0; i < stabilised.Length; i++)
            {
                var r = stabilised[i];
                if (r.Score is null || r.Input.Month != month || !published.TryGetValue(r.Input.Siren, out var level)) continue;
                var stable = StableLevels.Of(r.Score.Probability, active.Model.Manifest.RedThreshold, active.Model.Manifest.OrangeThreshold, ToAlertLevel(level), band);
                if (stable != r.Score.Level) stabilised[i] = r with { Score = r.Score with { Level = stable } };
            }
        }
        return stabilised;
    }

    private static AlertLevel ToAlertLevel(RiskLevel level) => level switch
    {
        RiskLevel.High => AlertLevel.Red,
        RiskLevel.Moderate => AlertLevel.Orange,
        _ => AlertLevel.None,
    };
}
