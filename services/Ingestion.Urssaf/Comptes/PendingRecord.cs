namespace SignauxFaibles.Ingestion.Urssaf.Comptes;

/// <summary>
/// An accepted record that names only an URSSAF account the map cannot resolve yet. It is kept
/// (not dropped, not published) and released when a map delivery resolves its account.
/// </summary>
public sealed class PendingRecord
{
    public long Id { get; set; }
    public Guid BatchId { get; set; }
    public required string FileKind { get; set; }
    public string? FileName { get; set; }
    public required string AccountNumber { get; set; }
    public DateOnly Date { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset KeptAt { get; set; }
}
