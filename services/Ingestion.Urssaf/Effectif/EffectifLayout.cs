using SignauxFaibles.Ingestion.Urssaf.Conventions;

namespace SignauxFaibles.Ingestion.Urssaf.Effectif;

/// <summary>
/// Columns of the establishment headcount file: identity, then one column per month (effAAAAQM),
/// sometimes followed by base;UR_EMET, which are not months.
/// </summary>
public static class EffectifLayout
{
    /// <summary>The URSSAF account; read by no one, as the headcount contract has no account.</summary>
    public const string Account = "compte";
    public const string Siret = "siret";

    public static readonly string[] Required = [Siret];

    public static readonly string[] Current = [Account, Siret, "rais_soc", "ape_ins", "dep", MonthColumn.Pattern + "…"];
}
