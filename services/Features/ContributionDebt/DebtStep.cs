using SignauxFaibles.Contracts.Identifiers;

namespace SignauxFaibles.Features.ContributionDebt;

/// <summary>A step of an URSSAF debt line as received; its RecordKey makes a replay harmless.</summary>
public sealed class DebtStep
{
    public required string RecordKey { get; set; }
    public Siren Siren { get; set; }
    public required string AccountNumber { get; set; }
    public YearMonth PeriodFirst { get; set; }
    public required string DebtLineNumber { get; set; }
    public int HistoryNumber { get; set; }
    public DateOnly ProcessedOn { get; set; }

    /// <summary>The month from which this step counts (day-20 rule applied).</summary>
    public YearMonth EffectiveMonth { get; set; }

    public decimal EmployeeShare { get; set; }
    public decimal EmployerShare { get; set; }
    public Guid BatchId { get; set; }
}
