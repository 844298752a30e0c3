namespace SignauxFaibles.Ingestion.Urssaf.Ccsf;

/// <summary>Columns of the URSSAF CCSF file. Older deliveries have no Siret column.</summary>
public static class CcsfLayout
{
    public const string Siret = "Siret";
    public const string Account = "Compte";
    public const string ProcessedOn = "Date_de_traitement";
    public const string Stage = "Code_externe_stade";
    public const string Action = "Code_externe_action";

    public static readonly string[] Required = [Account, ProcessedOn, Stage, Action];

    public static readonly string[] Current = ["Urssaf_gestion", "Dep", Siret, Account, ProcessedOn, Stage, Action];

    /// <summary>The stages the format documents; any other value is a delivery error.</summary>
    public static readonly string[] Stages = ["DEBUT", "REFUS", "APPROB", "FIN", "REJ"];
}
