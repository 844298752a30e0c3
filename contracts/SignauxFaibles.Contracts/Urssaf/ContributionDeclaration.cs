using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Urssaf;

/// <summary>Contributions due by one establishment account for one period.</summary>
/// <param name="RecordKey">Natural key of the fact in its source.</param>
/// <param name="Siret">Establishment, when the file carries it.</param>
/// <param name="AccountNumber">URSSAF account number.</param>
/// <param name="Period">Period the contributions are due for.</param>
/// <param name="AmountDue">Contributions due, euros.</param>
/// <param name="AmountCollected">Amount collected directly, euros, when known.</param>
public sealed record ContributionDeclaration(
    string RecordKey,
    Siret? Siret,
    string AccountNumber,
    MonthRange Period,
    decimal AmountDue,
    decimal? AmountCollected) : ISourceRecord;
