namespace SignauxFaibles.Ingestion.Urssaf.Procol;

/// <summary>Columns of the URSSAF procol (collective proceedings) file.</summary>
public static class ProcolLayout
{
    public const string Siret = "Siret";
    public const string Siren = "Siren";
    public const string EffectiveOn = "Dt_effet";
    public const string EventCode = "Cat_v2";
    public const string StageAndNature = "Lib_actx_stdx";

    public static readonly string[] Required = [Siren, EffectiveOn, EventCode, StageAndNature];

    public static readonly string[] Current = [Siret, Siren, EffectiveOn, EventCode, StageAndNature];
}
