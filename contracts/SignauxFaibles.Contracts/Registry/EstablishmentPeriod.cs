using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Registry;

/// <summary>One period of an establishment's history (Sirene history file): its state between two changes.</summary>
/// <param name="RecordKey">Natural key: the SIRET and the period's start.</param>
/// <param name="Siret">Establishment.</param>
/// <param name="From">Start of the period (dateDebut); null for the oldest period when INSEE does not know it.</param>
/// <param name="Until">End of the period (dateFin); null for the current period.</param>
/// <param name="Active">Administrative state A during the period.</param>
/// <param name="ActivityCode">Activity code during the period.</param>
/// <param name="ActivityNomenclature">Nomenclature of that code.</param>
/// <param name="Employer">Caractère employeur: O → true, N → false, absent → null.</param>
public sealed record EstablishmentPeriod(
    string RecordKey,
    Siret Siret,
    DateOnly? From,
    DateOnly? Until,
    bool Active,
    string? ActivityCode,
    string? ActivityNomenclature,
    bool? Employer) : ISourceRecord;
