using SignauxFaibles.Contracts.Identifiers;

namespace SignauxFaibles.Features.Panel;

/// <summary>A cell of the monthly panel: a company's outstanding URSSAF debt at the end of a month.</summary>
public sealed class CompanyDebtMonth
{
    public Siren Siren { get; set; }
    public YearMonth Month { get; set; }
    public decimal EmployeeShare { get; set; }
    public decimal EmployerShare { get; set; }
}
