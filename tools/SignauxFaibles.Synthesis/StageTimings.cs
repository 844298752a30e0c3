using System.Diagnostics;

namespace SignauxFaibles.Synthesis;

/// <summary>Where a generation spends its time (simulation, each writer): for the benchmark, never in the manifest.</summary>
public sealed class StageTimings
{
    private readonly Dictionary<string, long> _ticks = [];
    private readonly List<string> _order = [];

    /// <summary>Charges the time since <paramref name="since"/> to <paramref name="stage"/> and restarts the clock.</summary>
    public void Add(string stage, ref long since)
    {
        var now = Stopwatch.GetTimestamp();
        if (!_ticks.ContainsKey(stage)) _order.Add(stage);
        _ticks[stage] = _ticks.GetValueOrDefault(stage) + (now - since);
        since = now;
    }

    public void Merge(StageTimings other)
    {
        foreach (var stage in other._order)
        {
            if (!_ticks.ContainsKey(stage)) _order.Add(stage);
            _ticks[stage] = _ticks.GetValueOrDefault(stage) + other._ticks[stage];
        }
    }

    public IEnumerable<(string Stage, TimeSpan Time)> Stages => _order.Select(s => (s, Stopwatch.GetElapsedTime(0, _ticks[s])));
}
