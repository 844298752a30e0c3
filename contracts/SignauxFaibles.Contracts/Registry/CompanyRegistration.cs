using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Registry;

/// <summary>Registry state of a company (one row of the Sirene legal-unit stock).</summary>
/// <param name="RecordKey">Natural key of the fact in its source: the SIREN.</param>
/// <param name="Siren">Company.</param>
/// <param name="Name">Dénomination of a legal person; null for a natural person (see the name fields).</param>
/// <param name="LastName">Nom of a natural person (entrepreneur).</param>
/// <param name="FirstName">First given name of a natural person.</param>
/// <param name="LegalCategory">Catégorie juridique (4 digits).</param>
/// <param name="ActivityCode">Activity code (APE) as registered, in <paramref name="ActivityNomenclature"/>.</param>
/// <param name="ActivityNomenclature">NAFRev2 for current codes; older rows keep NAFRev1, NAF1993 or NAP.</param>
/// <param name="ActivityCodeNaf2025">The same activity in the NAF 2025 nomenclature, when INSEE gives it.</param>
/// <param name="CreatedOn">Creation date.</param>
/// <param name="Active">Administrative state A (C = ceased).</param>
/// <param name="SizeCategory">Catégorie d'entreprise: PME, ETI or GE.</param>
/// <param name="HeadcountBand">INSEE headcount band (tranche d'effectifs).</param>
/// <param name="HeadOfficeNic">NIC of the head office: its SIRET is the SIREN followed by it.</param>
/// <param name="UsualName">Dénomination usuelle: the name(s) the company trades under, when Sirene has any (its three fields joined by " / ").</param>
public sealed record CompanyRegistration(
    string RecordKey,
    Siren Siren,
    string? Name,
    string? LastName,
    string? FirstName,
    string? LegalCategory,
    string? ActivityCode,
    string? ActivityNomenclature,
    string? ActivityCodeNaf2025,
    DateOnly? CreatedOn,
    bool Active,
    string? SizeCategory,
    string? HeadcountBand,
    string? HeadOfficeNic,
    string? UsualName = null) : ISourceRecord;
