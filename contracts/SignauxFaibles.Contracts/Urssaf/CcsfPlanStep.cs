using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Urssaf;

/// <summary>A step of a CCSF plan.</summary>
/// <param name="RecordKey">Natural key of the fact in its source.</param>
/// <param name="Siret">Establishment, when known.</param>
/// <param name="AccountNumber">URSSAF account number.</param>
/// <param name="ProcessedOn">Date the step was processed.</param>
/// <param name="Stage">DEBUT, REFUS, APPROB, FIN or REJ.</param>
/// <param name="Action">Code_externe_action.</param>
public sealed record CcsfPlanStep(
    string RecordKey,
    Siret? Siret,
    string AccountNumber,
    DateOnly ProcessedOn,
    string Stage,
    string? Action) : ISourceRecord;
