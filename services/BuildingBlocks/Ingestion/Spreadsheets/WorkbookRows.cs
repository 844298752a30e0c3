using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using ExcelDataReader;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Ingestion.Spreadsheets;

/// <summary>
/// Reads the first worksheet of an xlsx workbook as rows of text cells written the way a CSV
/// export of the same sheet writes them, so a layout's parser reads both deliveries alike:
/// numbers in invariant culture without exponent or trailing zeros (an identifier typed as a
/// number keeps all its digits), dates as yyyy-MM-dd (with the time when there is one).
/// </summary>
public static class WorkbookRows
{
    // ExcelDataReader builds its fallback encoding (code page 1252) even for xlsx.
    static WorkbookRows() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <param name="workbook">A seekable stream over the xlsx container.</param>
    public static IEnumerable<SheetRow> Read(Stream workbook, string fileName, CancellationToken ct)
    {
        IExcelDataReader reader;
        try
        {
            reader = ExcelReaderFactory.CreateOpenXmlReader(workbook, new ExcelReaderConfiguration { LeaveOpen = true });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw Unreadable(fileName, ex);
        }
        return ReadRows(reader, fileName, ct);
    }

    private static IEnumerable<SheetRow> ReadRows(IExcelDataReader reader, string fileName, CancellationToken ct)
    {
        using (reader)
        {
            long number = 0;
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                string[] cells;
                try
                {
                    if (!reader.Read()) yield break;
                    cells = new string[reader.FieldCount];
                    for (var i = 0; i < cells.Length; i++) cells[i] = Format(reader.GetValue(i));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The container or its XML is broken past the start: the workbook is refused as a whole.
                    throw Unreadable(fileName, ex);
                }
                number++;
                yield return new SheetRow(number, cells);
            }
        }
    }

    /// <summary>A cell as a CSV export of the sheet writes it.</summary>
    public static string Format(object? value) => value switch
    {
        null or DBNull => string.Empty,
        string s => s.Trim(),
        double d when double.IsInteger(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t when t.TimeOfDay == TimeSpan.Zero => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static FileRefusedException Unreadable(string fileName, Exception ex) =>
        new($"{fileName}: the workbook cannot be read: {ex.Message}", ex);
}
