namespace SignauxFaibles.Ingestion.Urssaf.Debit;

/// <summary>Columns of the URSSAF débit file. Older deliveries have no Siret column.</summary>
public static class DebitLayout
{
    public const string Account = "num_cpte";
    public const string Siren = "Siren";
    public const string Siret = "Siret";
    public const string AccountState = "Etat_cpte";
    public const string ProceedingCode = "Cd_pro_col";
    public const string Period = "Periode";
    public const string DebtLine = "Num_Ecn";
    public const string History = "Num_Hist_Ecn";
    public const string ProcessedOn = "Dt_trt_ecn";
    public const string EmployeeShare = "Mt_PO";
    public const string EmployerShare = "Mt_PP";
    public const string Operation = "Cd_op_ecn";
    public const string Reason = "Motif_ecn";
    public const string Appeal = "Recours_en_cours";

    public static readonly string[] Required =
    [
        Account, Siren, AccountState, ProceedingCode, Period, DebtLine, History, ProcessedOn,
        EmployeeShare, EmployerShare, Operation, Reason, Appeal,
    ];

    public static readonly string[] Current =
    [
        "Urssaf_gestion", "Dep", Account, Siren, Siret, "Dt_immat", AccountState, ProceedingCode, Period,
        DebtLine, History, ProcessedOn, EmployeeShare, EmployerShare, Operation, Reason, Appeal,
    ];
}
