using System.Runtime.CompilerServices;

namespace SignauxFaibles.Ingestion.Parsing;

/// <summary>Column positions by name, from a header line (names compared case-insensitively).</summary>
public sealed class ColumnMap
{
    private readonly Dictionary<string, int> _positions;

    // Parsers ask with the same constant strings millions of times: remember them by reference,
    // which costs far less than a case-insensitive hash per field.
    private readonly Dictionary<string, int> _byReference = new(ReferenceComparer.Instance);

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
        if (_byReference.TryGetValue(name, out var index)) return index;
        index = _positions.TryGetValue(name, out var found) ? found : -1;
        _byReference[name] = index;
        return index;
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
