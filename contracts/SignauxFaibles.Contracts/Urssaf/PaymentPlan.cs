using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Urssaf;

/// <summary>A payment plan granted on a debt.</summary>
/// <param name="RecordKey">Natural key of the fact in its source.</param>
/// <param name="Siret">Establishment, when known (account-only deliveries name the account alone until the account map resolves it).</param>
/// <param name="AccountNumber">URSSAF account number.</param>
/// <param name="GrantedOn">Creation date of the plan.</param>
/// <param name="DueOn">Final due date.</param>
/// <param name="DurationDays">Duration granted, days.</param>
/// <param name="Amount">Total amount of the schedule, euros.</param>
/// <param name="Stage">Code_externe_stade.</param>
/// <param name="Action">Code_externe_action.</param>
/// <param name="CaseNumber">Numero_structure: the URSSAF case (contentieux) the plan belongs to.</param>
/// <param name="CompanyName">Denomination_premiere_ligne: first line of the debtor's name.</param>
/// <param name="SixMonthIndicator">Indic_6M: INF or SUP per the format documentation, kept as delivered.</param>
/// <param name="CreationYear">Annee_creation, as delivered.</param>
public sealed record PaymentPlan(
    string RecordKey,
    Siret? Siret,
    string AccountNumber,
    DateOnly GrantedOn,
    DateOnly DueOn,
    int DurationDays,
    decimal? Amount,
    string? Stage,
    string? Action,
    string? CaseNumber = null,
    string? CompanyName = null,
    string? SixMonthIndicator = null,
    int? CreationYear = null) : ISourceRecord;
