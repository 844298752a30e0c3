using System.Collections.Frozen;

namespace SignauxFaibles.Ingestion.Insee.Geography;

/// <summary>Where a commune code places an establishment: its département and région (INSEE COG).</summary>
public readonly record struct Location(string? Departement, string? Region);

/// <summary>
/// Département and région of an INSEE commune code. Source: INSEE, Code officiel géographique
/// (COG) 2024, tables of départements and régions (Licence Ouverte / Etalab 2.0); the list has been
/// stable since the 2016 régions. The département is the code's first two characters (2A/2B in
/// Corsica) or, overseas, its first three (971–976). Municipal arrondissements of Paris (751xx),
/// Lyon (6938x) and Marseille (132xx) follow the same rule. Overseas collectivities (975, 977,
/// 978, 98x) and abroad (99xxx) have no département.
/// </summary>
public static class Departements
{
    private static readonly FrozenDictionary<string, string> RegionOf = new Dictionary<string, string>
    {
        ["971"] = "01", ["972"] = "02", ["973"] = "03", ["974"] = "04", ["976"] = "06",
        ["75"] = "11", ["77"] = "11", ["78"] = "11", ["91"] = "11", ["92"] = "11", ["93"] = "11", ["94"] = "11", ["95"] = "11",
        ["18"] = "24", ["28"] = "24", ["36"] = "24", ["37"] = "24", ["41"] = "24", ["45"] = "24",
        ["21"] = "27", ["25"] = "27", ["39"] = "27", ["58"] = "27", ["70"] = "27", ["71"] = "27", ["89"] = "27", ["90"] = "27",
        ["14"] = "28", ["27"] = "28", ["50"] = "28", ["61"] = "28", ["76"] = "28",
        ["02"] = "32", ["59"] = "32", ["60"] = "32", ["62"] = "32", ["80"] = "32",
        ["08"] = "44", ["10"] = "44", ["51"] = "44", ["52"] = "44", ["54"] = "44", ["55"] = "44", ["57"] = "44", ["67"] = "44", ["68"] = "44", ["88"] = "44",
        ["44"] = "52", ["49"] = "52", ["53"] = "52", ["72"] = "52", ["85"] = "52",
        ["22"] = "53", ["29"] = "53", ["35"] = "53", ["56"] = "53",
        ["16"] = "75", ["17"] = "75", ["19"] = "75", ["23"] = "75", ["24"] = "75", ["33"] = "75", ["40"] = "75", ["47"] = "75",
        ["64"] = "75", ["79"] = "75", ["86"] = "75", ["87"] = "75",
        ["09"] = "76", ["11"] = "76", ["12"] = "76", ["30"] = "76", ["31"] = "76", ["32"] = "76", ["34"] = "76", ["46"] = "76",
        ["48"] = "76", ["65"] = "76", ["66"] = "76", ["81"] = "76", ["82"] = "76",
        ["01"] = "84", ["03"] = "84", ["07"] = "84", ["15"] = "84", ["26"] = "84", ["38"] = "84", ["42"] = "84", ["43"] = "84",
        ["63"] = "84", ["69"] = "84", ["73"] = "84", ["74"] = "84",
        ["04"] = "93", ["05"] = "93", ["06"] = "93", ["13"] = "93", ["83"] = "93", ["84"] = "93",
        ["2A"] = "94", ["2B"] = "94",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The 101 départements with their région.</summary>
    public static IReadOnlyDictionary<string, string> All => RegionOf;

    /// <summary>
    /// The location of a commune code; null when the code is not one (wrong shape, or a prefix that
    /// is no département, e.g. the pre-1976 Corsican 20xxx). Collectivities and abroad give an empty location.
    /// </summary>
    public static Location? Locate(string communeCode)
    {
        if (communeCode.Length != 5 || !char.IsAsciiDigit(communeCode[2]) || !char.IsAsciiDigit(communeCode[3]) || !char.IsAsciiDigit(communeCode[4]))
            return null;
        var prefix = communeCode[..2];
        if (prefix is "2A" or "2B") return new Location(prefix, RegionOf[prefix]);
        if (!char.IsAsciiDigit(prefix[0]) || !char.IsAsciiDigit(prefix[1])) return null;
        if (prefix == "97")
        {
            var overseas = communeCode[..3];
            if (overseas is "975" or "977" or "978") return new Location(null, null);
            return RegionOf.TryGetValue(overseas, out var overseasRegion) ? new Location(overseas, overseasRegion) : null;
        }
        if (prefix is "98" or "99") return new Location(null, null);
        return RegionOf.TryGetValue(prefix, out var region) ? new Location(prefix, region) : null;
    }
}
