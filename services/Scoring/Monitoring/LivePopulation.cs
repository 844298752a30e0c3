using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Modeling.Scoring;
using SignauxFaibles.Scoring.Scores;

namespace SignauxFaibles.Scoring.Monitoring;

/// <summary>
/// The live population a model is held against: the scorable companies' latest months (those of
/// the detection perimeter), as rows of the model's features. A sample in SIREN order, at most
/// <see cref="Sample"/> companies, is enough for shares; the promotion gate and the model monitor
/// both read it, so both judge the same population.
/// </summary>
public sealed class LivePopulation(SnapshotStore snapshots)
{
    public const int Sample = 20_000;

    public async Task<IReadOnlyList<float[]>> RowsAsync(IReadOnlyList<string> features, CancellationToken ct)
    {
        var rows = new List<float[]>();
        Siren? after = null;
        while (rows.Count < Sample)
        {
            var page = await snapshots.PageAsync(after, 4_000, ct);
            if (page.Count == 0) break;
            after = page[^1].Siren;
            rows.AddRange(page.Where(input => DetectionPerimeter.Exclusion(name => input.Layout.Get(input.Values, name)) is null).Select(input => input.Row(features)));
        }
        return rows;
    }
}
