namespace SignauxFaibles.Ingestion.Dgefp.Conso;

/// <summary>Columns of the short-time work consumption file (consommation_ap*); the xlsx delivery has them among ~30 others.</summary>
public static class ConsoLayout
{
    public const string RequestId = "ID_DA";
    public const string Siret = "ETAB_SIRET";
    public const string Hours = "HEURES";
    public const string Amount = "MONTANTS";
    public const string Employees = "EFFECTIFS";
    public const string Month = "MOIS";

    public static readonly string[] Current = [RequestId, Siret, Hours, Amount, Employees, Month];
}
