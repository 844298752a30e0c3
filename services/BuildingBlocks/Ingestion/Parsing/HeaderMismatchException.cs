namespace SignauxFaibles.Ingestion.Parsing;

/// <summary>The header matches no known layout: the message names the missing and the expected columns.</summary>
public sealed class HeaderMismatchException(string fileName, IEnumerable<string> missingColumns, IEnumerable<string> expectedColumns)
    : FileRefusedException($"{fileName}:1: header does not match the layout; missing column(s) {string.Join(", ", missingColumns)}; expected columns: {string.Join(";", expectedColumns)}");
