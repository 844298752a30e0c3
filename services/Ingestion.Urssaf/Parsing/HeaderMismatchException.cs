namespace SignauxFaibles.Ingestion.Urssaf.Parsing;

/// <summary>The header matches no known layout: the whole file is refused.</summary>
public sealed class HeaderMismatchException(string fileName, IEnumerable<string> missingColumns, IEnumerable<string> expectedColumns)
    : Exception($"{fileName}:1: header does not match the layout; missing column(s) {string.Join(", ", missingColumns)}; expected columns: {string.Join(";", expectedColumns)}")
{
    public string FileName { get; } = fileName;
}
