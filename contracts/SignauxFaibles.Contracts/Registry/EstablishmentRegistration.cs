using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Registry;

/// <summary>Registry state of an establishment.</summary>
/// <param name="RecordKey">Natural key of the fact in its source.</param>
/// <param name="Siret">Establishment.</param>
/// <param name="HeadOffice">Siège.</param>
/// <param name="CreatedOn">Creation date.</param>
/// <param name="ActivityCode">NAF rev. 2 code.</param>
/// <param name="PostCode">Postcode.</param>
/// <param name="CommuneCode">INSEE commune code.</param>
/// <param name="Departement">Département derived from the commune.</param>
/// <param name="Region">Région derived from the commune.</param>
/// <param name="Active">Administrative state A.</param>
/// <param name="Latitude">WGS84.</param>
/// <param name="Longitude">WGS84.</param>
public sealed record EstablishmentRegistration(
    string RecordKey,
    Siret Siret,
    bool HeadOffice,
    DateOnly? CreatedOn,
    string? ActivityCode,
    string? PostCode,
    string? CommuneCode,
    string? Departement,
    string? Region,
    bool Active,
    double? Latitude,
    double? Longitude) : ISourceRecord;
