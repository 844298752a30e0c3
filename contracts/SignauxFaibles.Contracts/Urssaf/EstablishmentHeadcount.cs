using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Urssaf;

/// <summary>Headcount of one establishment for one month.</summary>
/// <param name="RecordKey">Natural key of the fact in its source.</param>
/// <param name="Siret">Establishment.</param>
/// <param name="Month">Month of the headcount.</param>
/// <param name="Headcount">Number of employees.</param>
public sealed record EstablishmentHeadcount(
    string RecordKey,
    Siret Siret,
    YearMonth Month,
    int Headcount) : ISourceRecord;
