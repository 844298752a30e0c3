namespace SignauxFaibles.Ingestion.FileKinds;

/// <summary>The file kinds a service accepts, found by name or recognised from a file name.</summary>
public sealed class FileKindCatalog(IEnumerable<IFileKind> kinds)
{
    private readonly IReadOnlyList<IFileKind> _kinds = kinds.ToList();

    public IReadOnlyList<IFileKind> All => _kinds;

    public IFileKind? Find(string name) => _kinds.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The kind whose pattern the name follows; null when none or several do.</summary>
    public IFileKind? Recognise(string fileName)
    {
        var matches = _kinds.Where(k => k.MatchesFileName(fileName)).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    public string Names => string.Join(", ", _kinds.Select(k => k.Name));
}
