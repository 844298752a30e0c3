namespace SignauxFaibles.Ingestion.Changes;

/// <summary>What the service last published for one record key: a 64-bit hash of the record's content.</summary>
public sealed class RecordFingerprint
{
    public required string Scope { get; set; }

    public required string Key { get; set; }

    public long Fingerprint { get; set; }

    /// <summary>The batch that last published this record (new or changed).</summary>
    public Guid BatchId { get; set; }
}
