namespace SignauxFaibles.Ingestion.Batches;

/// <summary>
/// A rejected line of a batch, kept so the institution gets a precise report — or, with
/// <see cref="Warning"/>, an optional field of an accepted line left empty because unreadable.
/// </summary>
public sealed class BatchReject
{
    public long Id { get; set; }
    public Guid BatchId { get; set; }
    public long Line { get; set; }
    public int? Column { get; set; }
    public string? ColumnName { get; set; }
    public string? RawValue { get; set; }
    public required string Reason { get; set; }

    /// <summary>The line was kept; only this field was left empty.</summary>
    public bool Warning { get; set; }
}
