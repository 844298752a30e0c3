namespace SignauxFaibles.Ingestion;

public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>Where delivered files are kept, named by their SHA-256, so any batch can be re-processed.</summary>
    public string RawFileRoot { get; set; } = Path.Combine(Path.GetTempPath(), "signaux-faibles", "raw");

    /// <summary>Records per published message (a national file must not cost one broker round-trip per row).</summary>
    public int ChunkSize { get; set; } = 1000;

    /// <summary>
    /// Rejected lines (and, apart, warnings) stored per batch with their raw values; beyond, only
    /// their number by reason is kept, so a file of nothing but bad lines cannot fill the database.
    /// </summary>
    public int MaxStoredIssuesPerBatch { get; set; } = 10_000;

    /// <summary>Largest accepted upload.</summary>
    public long MaxUploadBytes { get; set; } = 20L * 1024 * 1024 * 1024;
}
