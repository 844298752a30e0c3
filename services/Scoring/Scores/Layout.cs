using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using SignauxFaibles.Indicators.Panel;

namespace SignauxFaibles.Scoring.Scores;

/// <summary>
/// The order of the values in a snapshot. Snapshots are written in the current panel schema's
/// order; one written before a schema change keeps its own layout and is read through it.
/// </summary>
public sealed class Layout
{
    private static readonly ConcurrentDictionary<string, Layout> Known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _index;

    private Layout(IReadOnlyList<string> names)
    {
        Names = names;
        _index = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        Id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', names))))[..16];
    }

    public static Layout Current { get; } = Register(new Layout(PanelSchema.Company.Values));

    public string Id { get; }
    public IReadOnlyList<string> Names { get; }

    public static Layout Of(string id, IReadOnlyList<string> names) => Known.GetOrAdd(id, _ => new Layout(names));

    public static bool TryGet(string id, out Layout layout) => Known.TryGetValue(id, out layout!);

    /// <summary>The value of <paramref name="name"/> in <paramref name="values"/>; NaN when missing or unknown to this layout.</summary>
    public float Get(float[] values, string name) => _index.TryGetValue(name, out var i) ? values[i] : float.NaN;

    /// <summary>The position of <paramref name="name"/> in this layout, or -1.</summary>
    public int IndexOf(string name) => _index.GetValueOrDefault(name, -1);

    /// <summary>A month's indicators, as the feature service sends them, in this layout (absent = NaN).</summary>
    public float[] Pack(IReadOnlyDictionary<string, double> values)
    {
        var packed = new float[Names.Count];
        Array.Fill(packed, float.NaN);
        foreach (var (name, value) in values)
            if (_index.TryGetValue(name, out var i)) packed[i] = (float)value;
        return packed;
    }

    private static Layout Register(Layout layout) => Known.GetOrAdd(layout.Id, layout);
}
