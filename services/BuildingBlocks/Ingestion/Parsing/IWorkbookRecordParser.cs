using SignauxFaibles.Ingestion.Spreadsheets;

namespace SignauxFaibles.Ingestion.Parsing;

/// <summary>A parser that also reads its layout from the first sheet of a workbook (the same header, one row per line).</summary>
public interface IWorkbookRecordParser : IRecordParser
{
    IAsyncEnumerable<ParsedLine> ParseRowsAsync(IEnumerable<SheetRow> rows, string fileName, CancellationToken cancellationToken = default);
}
