using System.Collections.Frozen;

namespace SignauxFaibles.Ingestion.Insee.Geography;

/// <summary>
/// Street type codes of Sirene addresses (typeVoie, INSEE documentation of the Sirene stock files)
/// spelled out, as the reference system published them. An unknown code is kept as it is: INSEE
/// adds codes, and an address is no reason to refuse an establishment.
/// </summary>
public static class StreetTypes
{
    private static readonly FrozenDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["ALL"] = "ALLEE", ["AV"] = "AVENUE", ["BD"] = "BOULEVARD", ["CAR"] = "CARREFOUR", ["CHE"] = "CHEMIN",
        ["CHS"] = "CHAUSSEE", ["CITE"] = "CITE", ["COR"] = "CORNICHE", ["CRS"] = "COURS", ["DOM"] = "DOMAINE",
        ["DSC"] = "DESCENTE", ["ECA"] = "ECART", ["ESP"] = "ESPLANADE", ["FG"] = "FAUBOURG", ["GR"] = "GRANDE RUE",
        ["HAM"] = "HAMEAU", ["HLE"] = "HALLE", ["IMP"] = "IMPASSE", ["LD"] = "LIEU DIT", ["LOT"] = "LOTISSEMENT",
        ["MAR"] = "MARCHE", ["MTE"] = "MONTEE", ["PASS"] = "PASSAGE", ["PL"] = "PLACE", ["PLN"] = "PLAINE",
        ["PLT"] = "PLATEAU", ["PRO"] = "PROMENADE", ["PRV"] = "PARVIS", ["QUA"] = "QUARTIER", ["QUAI"] = "QUAI",
        ["RES"] = "RESIDENCE", ["RLE"] = "RUELLE", ["ROC"] = "ROCADE", ["RPT"] = "ROND POINT", ["RTE"] = "ROUTE",
        ["RUE"] = "RUE", ["SEN"] = "SENTIER", ["SQ"] = "SQUARE", ["TPL"] = "TERRE PLEIN", ["TRA"] = "TRAVERSE",
        ["VLA"] = "VILLA", ["VLGE"] = "VILLAGE",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static string SpellOut(string code) => Names.TryGetValue(code, out var name) ? name : code;
}
