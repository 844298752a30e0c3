using System.Runtime.CompilerServices;

namespace SignauxFaibles.Ingestion.Parsing;

/// <summary>Column positions by name, from a header line (names compared case-insensitively).</summary>
public sealed class ColumnMap
{
    private readonly Dictionary<string, int> _positions;

    // Parsers ask with the same constant strings, in the same order, on every line: the names
    // are remembered by reference in the order first asked, and a lookup first checks the name
    // that came after the previous one — no hashing at all in the steady state.
    private readonly Dictionary<string, int> _askedAt = new(ReferenceComparer.Instance);
    private readonly List<string> _askedNames = [];
    private readonly List<int> _askedPositions = [];
    private int _lastAsked = -1;

    private ColumnMap(Dictionary<string, int> positions, int count)
    {
        _positions = positions;
        Count = count;
    }

    public int Count { get; }

    public int this[string name] => IndexOf(name) is var i and >= 0 ? i : throw new KeyNotFoundException($"No column '{name}'.");

    public bool Has(string name) => IndexOf(name) >= 0;

    /// <summary>Position of the column, or -1.</summary>
    public int IndexOf(string name)
    {
        var next = _lastAsked + 1;
        if (next == _askedNames.Count) next = 0;
        if (next < _askedNames.Count && ReferenceEquals(_askedNames[next], name))
        {
            _lastAsked = next;
            return _askedPositions[next];
        }
        if (!_askedAt.TryGetValue(name, out var asked))
        {
            asked = _askedNames.Count;
            _askedAt[name] = asked;
            _askedNames.Add(name);
            _askedPositions.Add(_positions.TryGetValue(name, out var found) ? found : -1);
        }
        _lastAsked = asked;
        return _askedPositions[asked];
    }

    public static ColumnMap FromHeader(IReadOnlyList<string> header)
    {
        var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++) positions.TryAdd(header[i].Trim(), i);
        return new ColumnMap(positions, header.Count);
    }

    private sealed class ReferenceComparer : IEqualityComparer<string>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(string? x, string? y) => ReferenceEquals(x, y);

        public int GetHashCode(string obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
