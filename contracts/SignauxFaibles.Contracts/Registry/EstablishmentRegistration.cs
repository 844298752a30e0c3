using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Registry;

/// <summary>Registry state of an establishment (one row of the Sirene establishment stock).</summary>
/// <param name="RecordKey">Natural key of the fact in its source: the SIRET.</param>
/// <param name="Siret">Establishment.</param>
/// <param name="HeadOffice">Siège.</param>
/// <param name="CreatedOn">Creation date.</param>
/// <param name="ActivityCode">Activity code (APE) as registered, in <paramref name="ActivityNomenclature"/>.</param>
/// <param name="ActivityNomenclature">NAFRev2 for current codes; older rows keep NAFRev1, NAF1993 or NAP.</param>
/// <param name="HeadcountBand">INSEE headcount band (tranche d'effectifs), e.g. 12 for 20–49 employees.</param>
/// <param name="StreetNumber">Numéro de voie.</param>
/// <param name="StreetType">Type de voie, spelled out (RUE, CHEMIN…).</param>
/// <param name="StreetName">Libellé de voie.</param>
/// <param name="PostCode">Postcode.</param>
/// <param name="CommuneName">Commune name.</param>
/// <param name="CommuneCode">INSEE commune code (COG); null abroad.</param>
/// <param name="Departement">Département derived from the commune; null abroad or in overseas collectivities.</param>
/// <param name="Region">Région derived from the département.</param>
/// <param name="Active">Administrative state A (F = closed).</param>
/// <param name="StateSince">Start of the establishment's current period (dateDebut).</param>
/// <param name="Latitude">WGS84, from the geocoded stock only.</param>
/// <param name="Longitude">WGS84, from the geocoded stock only.</param>
public sealed record EstablishmentRegistration(
    string RecordKey,
    Siret Siret,
    bool HeadOffice,
    DateOnly? CreatedOn,
    string? ActivityCode,
    string? ActivityNomenclature,
    string? HeadcountBand,
    string? StreetNumber,
    string? StreetType,
    string? StreetName,
    string? PostCode,
    string? CommuneName,
    string? CommuneCode,
    string? Departement,
    string? Region,
    bool Active,
    DateOnly? StateSince,
    double? Latitude,
    double? Longitude) : ISourceRecord;
