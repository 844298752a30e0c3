namespace SignauxFaibles.Operations.Audit;

/// <summary>
/// One operator action on the platform's messages, as written to the audit log. A purged message's
/// envelope is kept in <see cref="Body"/>: a purge must never be the only copy's end.
/// </summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    string Action,
    string Operator,
    string Machine,
    string VirtualHost,
    string Queue,
    string MessageId,
    string MessageType,
    string? Target,
    string? Fault,
    string? Reason,
    string? Body);
