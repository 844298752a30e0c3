namespace SignauxFaibles.Ingestion.Urssaf.Cotisation;

/// <summary>
/// Columns of the URSSAF cotisation file. Older deliveries have no Siret column; <c>mer</c>
/// (contributions put into collection) is not used, so a layout without it is still read.
/// </summary>
public static class CotisationLayout
{
    public const string Siret = "Siret";
    public const string Account = "Compte";
    public const string Period = "periode";
    public const string Collected = "enc_direct";
    public const string Due = "cotis_due";

    public static readonly string[] Required = [Account, Period, Collected, Due];

    public static readonly string[] Current = ["Urssaf_gestion", "Dep", Siret, Account, Period, "mer", Collected, Due];
}
