using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Groups;

/// <summary>A company's membership of a group.</summary>
/// <param name="RecordKey">Natural key of the fact in its source.</param>
/// <param name="Siren">Company.</param>
/// <param name="HeadSiren">Head of the group.</param>
/// <param name="GroupName">Name of the group.</param>
/// <param name="HoldingLevel">Level below the head.</param>
/// <param name="OwnershipPercent">Share held, percent.</param>
public sealed record GroupOwnership(
    string RecordKey,
    Siren Siren,
    Siren HeadSiren,
    string? GroupName,
    int? HoldingLevel,
    decimal? OwnershipPercent) : ISourceRecord;
