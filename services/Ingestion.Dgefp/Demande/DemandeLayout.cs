namespace SignauxFaibles.Ingestion.Dgefp.Demande;

/// <summary>Columns of the short-time work requests file (demande_ap*); the xlsx delivery has them among ~50 others.</summary>
public static class DemandeLayout
{
    public const string RequestId = "ID_DA";
    public const string Siret = "ETAB_SIRET";
    public const string CompanyHeadcount = "EFF_ENT";
    public const string EstablishmentHeadcount = "EFF_ETAB";
    public const string StatusDate = "DATE_STATUT";
    public const string From = "DATE_DEB";
    public const string To = "DATE_FIN";
    public const string HoursAuthorised = "HTA";
    public const string AmountAuthorised = "MTA";
    public const string EmployeesAuthorised = "EFF_AUTO";
    public const string Reason = "MOTIF_RECOURS_SE";
    public const string Perimeter = "PERIMETRE_AP";
    public const string HoursConsumed = "S_HEURE_CONSOM_TOT";
    public const string EmployeesConsumed = "S_EFF_CONSOM_TOT";
    public const string AmountConsumed = "S_MONTANT_CONSOM_TOT";
    public const string PriorUse = "RECOURS_ANTERIEUR";

    public static readonly string[] Current =
    [
        RequestId, Siret, CompanyHeadcount, EstablishmentHeadcount, StatusDate, From, To, HoursAuthorised, AmountAuthorised,
        EmployeesAuthorised, Reason, Perimeter, HoursConsumed, EmployeesConsumed, AmountConsumed, PriorUse,
    ];
}
