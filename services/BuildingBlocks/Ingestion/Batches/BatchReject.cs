namespace SignauxFaibles.Ingestion.Batches;

/// <summary>A rejected line of a batch, kept so the institution gets a precise report.</summary>
public sealed class BatchReject
{
    public long Id { get; set; }
    public Guid BatchId { get; set; }
    public long Line { get; set; }
    public int? Column { get; set; }
    public string? ColumnName { get; set; }
    public string? RawValue { get; set; }
    public required string Reason { get; set; }
}
