using SignauxFaibles.Ingestion.Urssaf.Conventions;

namespace SignauxFaibles.Ingestion.Urssaf.EffectifEntreprise;

/// <summary>
/// Columns of the company headcount file: siren;effAAAAQM…;rais_soc. Older deliveries have the
/// establishment file's shape with siren for siret (compte;siren;rais_soc;ape_ins;dep;eff…;base;UR_EMET);
/// columns are found by name, so both read alike.
/// </summary>
public static class EffectifEntrepriseLayout
{
    public const string Siren = "siren";

    public static readonly string[] Required = [Siren];

    public static readonly string[] Current = [Siren, MonthColumn.Pattern + "…", "rais_soc"];
}
