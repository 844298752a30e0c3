namespace SignauxFaibles.Ingestion.Batches;

/// <summary>What an institution is told about its delivery.</summary>
public sealed record BatchResponse(
    Guid Id,
    string FileKind,
    string FileName,
    string ContentSha256,
    long SizeBytes,
    string? Encoding,
    string Status,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    long LinesRead,
    long RecordsAccepted,
    long LinesRejected,
    long LinesWithWarnings,
    long RecordsPublished,
    long RecordsPending,
    long RecordsStored,
    long InvalidChecksums,
    string? FailureReason,
    bool Duplicate,
    IReadOnlyList<IssueCount>? IssuesNotStored = null)
{
    public static BatchResponse From(Batch b, bool duplicate = false) => new(
        b.Id, b.FileKind, b.FileName, b.ContentSha256, b.SizeBytes, b.Encoding, b.Status.ToString(), b.ReceivedAt, b.StartedAt, b.CompletedAt,
        b.LinesRead, b.RecordsAccepted, b.LinesRejected, b.LinesWithWarnings, b.RecordsPublished, b.RecordsPending, b.RecordsStored, b.InvalidChecksums, b.FailureReason, duplicate, IssueCount.Read(b.IssuesNotStored));
}
