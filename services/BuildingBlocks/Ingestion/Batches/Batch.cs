using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Ingestion.Batches;

/// <summary>The ledger entry of one delivered file: what it was, what became of it.</summary>
public sealed class Batch
{
    public Guid Id { get; set; }
    public DataSource Source { get; set; }
    public required string FileKind { get; set; }
    public required string FileName { get; set; }
    public required string ContentSha256 { get; set; }
    public long SizeBytes { get; set; }

    /// <summary>Text encoding detected in the content (null for pushes).</summary>
    public string? Encoding { get; set; }
    public BatchStatus Status { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>When parsing started (a batch waits in Received while earlier ones are parsed).</summary>
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public long LinesRead { get; set; }
    public long RecordsAccepted { get; set; }
    public long LinesRejected { get; set; }

    /// <summary>Accepted lines with at least one optional field left empty because unreadable (see the warnings).</summary>
    public long LinesWithWarnings { get; set; }
    public long RecordsPublished { get; set; }

    /// <summary>Accepted records waiting for data they need (e.g. an account's SIRET) before publication.</summary>
    public long RecordsPending { get; set; }

    /// <summary>Accepted records kept as reference data (never published).</summary>
    public long RecordsStored { get; set; }
    public long InvalidChecksums { get; set; }
    public string? FailureReason { get; set; }

    /// <summary>Rejects and warnings beyond the stored ones (<see cref="IngestionOptions.MaxStoredIssuesPerBatch"/>), counted by reason; JSON, null when none.</summary>
    public string? IssuesNotStored { get; set; }
    public List<BatchReject> Rejects { get; set; } = [];
}
