using SignauxFaibles.Indicators.Panel;

namespace SignauxFaibles.Indicators.Output;

/// <summary>
/// Writes a panel as CSV and Parquet side by side: company rows to <c>BASE.csv</c> /
/// <c>BASE.parquet</c>, establishment rows to <c>BASE_etablissements.*</c>. Rows arrive company
/// by company, so a national panel streams through without being held in memory.
/// </summary>
public sealed class PanelFiles : IAsyncDisposable
{
    private readonly PanelCsvWriter _companyCsv;
    private readonly PanelCsvWriter _establishmentCsv;
    private readonly PanelParquetWriter _companyParquet;
    private readonly PanelParquetWriter _establishmentParquet;

    private PanelFiles(PanelCsvWriter companyCsv, PanelCsvWriter establishmentCsv, PanelParquetWriter companyParquet, PanelParquetWriter establishmentParquet)
    {
        (_companyCsv, _establishmentCsv, _companyParquet, _establishmentParquet) = (companyCsv, establishmentCsv, companyParquet, establishmentParquet);
    }

    public long CompanyRows { get; private set; }
    public long EstablishmentRows { get; private set; }

    /// <summary>The files' base path: <paramref name="output"/> without a .csv/.parquet extension.</summary>
    public static string BasePath(string output) =>
        output.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || output.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase)
            ? Path.Combine(Path.GetDirectoryName(output) ?? string.Empty, Path.GetFileNameWithoutExtension(output))
            : output;

    public static async Task<PanelFiles> CreateAsync(string output, PanelSchema companySchema, CancellationToken ct)
    {
        var basePath = BasePath(output);
        if (Path.GetDirectoryName(Path.GetFullPath(basePath)) is { } folder) Directory.CreateDirectory(folder);
        return new PanelFiles(
            new PanelCsvWriter(basePath + ".csv", companySchema, withSiret: false),
            new PanelCsvWriter(basePath + "_etablissements.csv", PanelSchema.Establishment, withSiret: true),
            await PanelParquetWriter.CreateAsync(basePath + ".parquet", companySchema, withSiret: false, ct),
            await PanelParquetWriter.CreateAsync(basePath + "_etablissements.parquet", PanelSchema.Establishment, withSiret: true, ct));
    }

    public async Task WriteAsync(CompanyPanel panel, CancellationToken ct)
    {
        _companyCsv.Write(panel.CompanyRows);
        _establishmentCsv.Write(panel.EstablishmentRows);
        await _companyParquet.AddAsync(panel.CompanyRows, ct);
        await _establishmentParquet.AddAsync(panel.EstablishmentRows, ct);
        CompanyRows += panel.CompanyRows.Count;
        EstablishmentRows += panel.EstablishmentRows.Count;
    }

    public async ValueTask DisposeAsync()
    {
        await _companyCsv.DisposeAsync();
        await _establishmentCsv.DisposeAsync();
        await _companyParquet.DisposeAsync();
        await _establishmentParquet.DisposeAsync();
    }
}
