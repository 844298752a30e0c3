using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Judiciaire;

/// <summary>
/// A legal event published in the BODACC, as Altares delivers it. Its codes are Altares' own (the
/// nature of the event is not mapped to a proceeding nature here: no code table comes with the file).
/// </summary>
/// <param name="RecordKey">Natural key of the fact in its source.</param>
/// <param name="Siret">Establishment.</param>
/// <param name="Siren">Its company.</param>
/// <param name="EffectiveOn">Date d'effet.</param>
/// <param name="PublishedOn">Date parution.</param>
/// <param name="JournalCode">Code du journal.</param>
/// <param name="EventCode">Code de la nature de l'événement.</param>
public sealed record LegalAnnouncement(
    string RecordKey,
    Siret Siret,
    Siren Siren,
    DateOnly EffectiveOn,
    DateOnly PublishedOn,
    string JournalCode,
    string EventCode) : ISourceRecord;
