namespace SignauxFaibles.Ingestion.Urssaf.Comptes;

/// <summary>Columns of the URSSAF account → SIRET map.</summary>
public static class ComptesLayout
{
    public const string Account = "Compte";
    public const string AccountState = "Etat_compte";
    public const string Siren = "Siren";
    public const string Siret = "Siret";
    public const string CreatedOn = "Date_crea_siret";
    public const string DisposedOn = "Date_disp_siret";

    /// <summary>
    /// Both dates are required columns: without Date_disp_siret every link would read as still
    /// valid, without Date_crea_siret as valid forever back, and accounts would map to wrong SIRETs.
    /// </summary>
    public static readonly string[] Required = [Account, Siren, Siret, CreatedOn, DisposedOn];

    public static readonly string[] Current = ["Urssaf_gestion", "Dep", Account, AccountState, Siren, Siret, CreatedOn, DisposedOn];
}
