using SignauxFaibles.Contracts.Identifiers;

namespace SignauxFaibles.Features.ContributionDebt;

/// <summary>Outstanding URSSAF debt of a company at the end of a month, euros, penalties excluded.</summary>
public sealed record OutstandingDebt(YearMonth Month, decimal EmployeeShare, decimal EmployerShare);
