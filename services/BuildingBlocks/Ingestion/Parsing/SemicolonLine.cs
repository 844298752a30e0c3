namespace SignauxFaibles.Ingestion.Parsing;

/// <summary>
/// Splits an URSSAF line on ';' (see <see cref="SeparatedLine"/> for the quoting rules).
/// </summary>
public static class SemicolonLine
{
    public static string[] Split(string line) => SeparatedLine.Split(line, ';');
}
