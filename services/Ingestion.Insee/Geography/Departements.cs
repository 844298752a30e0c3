using SignauxFaibles.Nomenclatures.Geography;

namespace SignauxFaibles.Ingestion.Insee.Geography;

/// <summary>Where a commune code places an establishment: its département and région (INSEE COG).</summary>
public readonly record struct Location(string? Departement, string? Region);

/// <summary>
/// Département and région of an INSEE commune code, from the COG table of the nomenclatures
/// (<see cref="Cog"/>). The département is the code's first two characters (2A/2B in Corsica) or,
/// overseas, its first three (971–976). Municipal arrondissements of Paris (751xx), Lyon (6938x)
/// and Marseille (132xx) follow the same rule. Overseas collectivities (975, 977, 978, 98x) and
/// abroad (99xxx) have no département.
/// </summary>
public static class Departements
{
    /// <summary>
    /// The location of a commune code; null when the code is not one (wrong shape, or a prefix that
    /// is no département, e.g. the pre-1976 Corsican 20xxx). Collectivities and abroad give an empty location.
    /// </summary>
    public static Location? Locate(string communeCode)
    {
        if (communeCode.Length != 5 || !char.IsAsciiDigit(communeCode[2]) || !char.IsAsciiDigit(communeCode[3]) || !char.IsAsciiDigit(communeCode[4]))
            return null;
        var prefix = communeCode[..2];
        if (prefix is "2A" or "2B") return At(prefix);
        if (!char.IsAsciiDigit(prefix[0]) || !char.IsAsciiDigit(prefix[1])) return null;
        if (prefix == "97")
        {
            var overseas = communeCode[..3];
            if (overseas is "975" or "977" or "978") return new Location(null, null);
            return At(overseas);
        }
        if (prefix is "98" or "99") return new Location(null, null);
        return At(prefix);
    }

    private static Location? At(string departement) =>
        Cog.FindDepartement(departement) is { } found ? new Location(found.Code, found.RegionCode) : null;
}
