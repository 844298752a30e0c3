using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Notifications.Roster;

/// <summary>What an import did, and each line it could not take with the reason.</summary>
/// <param name="Deactivated">Officers absent from a complete roster, now inactive (only when asked, and only when no line was rejected).</param>
public sealed record RosterImportReport(
    string File,
    int Read,
    int Created,
    int Updated,
    int Unchanged,
    int Deactivated,
    IReadOnlyList<LineReject> Rejects,
    string? Note);
