namespace SignauxFaibles.Ingestion.Urssaf.Delai;

/// <summary>Columns of the URSSAF délai (payment plan) file. The account-only layout has no Siret column.</summary>
public static class DelaiLayout
{
    public const string Siret = "Siret";
    public const string Account = "Numero_compte_externe";
    public const string CaseNumber = "Numero_structure";
    public const string CreatedOn = "Date_creation";
    public const string DueOn = "Date_echeance";
    public const string Duration = "Duree_delai";
    public const string CompanyName = "Denomination_premiere_ligne";
    public const string SixMonthIndicator = "Indic_6M";
    public const string CreationYear = "Annee_creation";
    public const string Amount = "Montant_global_echeancier";
    public const string Stage = "Code_externe_stade";
    public const string Action = "Code_externe_action";

    public static readonly string[] Required =
    [
        Account, CaseNumber, CreatedOn, DueOn, Duration, CompanyName, SixMonthIndicator, CreationYear, Amount, Stage, Action,
    ];

    public static readonly string[] Current = ["Urssaf_gestion", "Dep", Siret, .. Required];
}
