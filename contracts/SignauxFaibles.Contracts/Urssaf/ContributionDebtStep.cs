using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;

namespace SignauxFaibles.Contracts.Urssaf;

/// <summary>One step in the history of one debt line of one period; the highest history number is current.</summary>
/// <param name="RecordKey">Natural key of the fact in its source.</param>
/// <param name="AccountNumber">URSSAF account number.</param>
/// <param name="Siren">Company owning the account.</param>
/// <param name="Siret">Establishment, when the file carries it.</param>
/// <param name="Period">Period the debt line belongs to.</param>
/// <param name="DebtLineNumber">Num_Ecn: the debt line within the period.</param>
/// <param name="HistoryNumber">Num_Hist_Ecn: position of this step in the line's history.</param>
/// <param name="ProcessedOn">Dt_trt_ecn: date URSSAF processed the step.</param>
/// <param name="EmployeeShare">Remaining employee share, euros, penalties excluded.</param>
/// <param name="EmployerShare">Remaining employer share, euros, penalties excluded.</param>
/// <param name="AccountState">Etat_cpte: 1 active, 2 suspended, 3 struck off (other codes kept as delivered).</param>
/// <param name="ProceedingCode">Cd_pro_col: collective proceeding status code.</param>
/// <param name="OperationCode">Cd_op_ecn: operation code.</param>
/// <param name="ReasonCode">Motif_ecn: reason code.</param>
/// <param name="UnderAppeal">Recours_en_cours.</param>
public sealed record ContributionDebtStep(
    string RecordKey,
    string AccountNumber,
    Siren Siren,
    Siret? Siret,
    MonthRange Period,
    string DebtLineNumber,
    int HistoryNumber,
    DateOnly ProcessedOn,
    decimal EmployeeShare,
    decimal EmployerShare,
    int AccountState,
    string ProceedingCode,
    string OperationCode,
    string ReasonCode,
    bool UnderAppeal) : ISourceRecord;
