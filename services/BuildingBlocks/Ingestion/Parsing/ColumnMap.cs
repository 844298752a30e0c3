namespace SignauxFaibles.Ingestion.Parsing;

/// <summary>Column positions by name, from a header line (names compared case-insensitively).</summary>
public sealed class ColumnMap
{
    private readonly Dictionary<string, int> _positions;

    private ColumnMap(Dictionary<string, int> positions, int count)
    {
        _positions = positions;
        Count = count;
    }

    public int Count { get; }

    public int this[string name] => _positions[name];

    public bool Has(string name) => _positions.ContainsKey(name);

    public static ColumnMap FromHeader(IReadOnlyList<string> header)
    {
        var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++) positions.TryAdd(header[i], i);
        return new ColumnMap(positions, header.Count);
    }
}
