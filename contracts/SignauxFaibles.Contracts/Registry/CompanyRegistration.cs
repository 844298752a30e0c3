using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Registry;

/// <summary>Registry state of a company.</summary>
/// <param name="RecordKey">Natural key of the fact in its source.</param>
/// <param name="Siren">Company.</param>
/// <param name="Name">Name.</param>
/// <param name="LegalCategory">Catégorie juridique.</param>
/// <param name="ActivityCode">NAF rev. 2 code.</param>
/// <param name="CreatedOn">Creation date.</param>
/// <param name="Active">Administrative state A.</param>
/// <param name="SizeCategory">Tranche/catégorie d'entreprise.</param>
public sealed record CompanyRegistration(
    string RecordKey,
    Siren Siren,
    string? Name,
    string? LegalCategory,
    string? ActivityCode,
    DateOnly? CreatedOn,
    bool Active,
    string? SizeCategory) : ISourceRecord;
