namespace SignauxFaibles.Ingestion.Spreadsheets;

/// <summary>One row of a worksheet as text cells (row number from 1, as the spreadsheet shows it).</summary>
public sealed record SheetRow(long Number, string[] Cells)
{
    public bool IsBlank => Array.TrueForAll(Cells, c => c.Length == 0);
}
