using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Judiciaire;

/// <summary>BODACC legal events (Altares) recorded.</summary>
public sealed record LegalAnnouncementRecorded(RecordProvenance Provenance, IReadOnlyList<LegalAnnouncement> Records)
    : ISourceChunk<LegalAnnouncement>;
