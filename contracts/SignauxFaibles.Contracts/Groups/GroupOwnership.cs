using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Groups;

/// <summary>A company's membership of a group (Ellisphère): the subsidiary, the head of its group and the link.</summary>
/// <param name="RecordKey">Natural key of the fact in its source.</param>
/// <param name="Siren">The subsidiary (FIL SIREN 9).</param>
/// <param name="SubsidiaryCode">Ellisphère's code of the subsidiary.</param>
/// <param name="SubsidiaryRefId">Ellisphère's reference of the subsidiary.</param>
/// <param name="GroupCode">Ellisphère's code of the group head.</param>
/// <param name="HeadSiren">Head of the group; null when it is not a French company.</param>
/// <param name="HeadRefId">Ellisphère's reference of the head.</param>
/// <param name="GroupName">Name of the head.</param>
/// <param name="HeadAddress">Address of the head.</param>
/// <param name="HeadCountry">Country of the head.</param>
/// <param name="HeadIsLegalEntity">Whether the head is a legal entity (PouM = M) rather than a person (P).</param>
/// <param name="HoldingLevel">Level below the head (1 = held directly).</param>
/// <param name="OwnershipPercent">Financial share held, percent.</param>
public sealed record GroupOwnership(
    string RecordKey,
    Siren Siren,
    string? SubsidiaryCode,
    string? SubsidiaryRefId,
    string GroupCode,
    Siren? HeadSiren,
    string? HeadRefId,
    string? GroupName,
    string? HeadAddress,
    string? HeadCountry,
    bool? HeadIsLegalEntity,
    int? HoldingLevel,
    decimal? OwnershipPercent) : ISourceRecord;
