using System.Collections.Frozen;
using SignauxFaibles.Nomenclatures.Geography;

namespace SignauxFaibles.Notifications.Territories;

/// <summary>
/// Départements and régions as rosters write them, read against the COG table of the
/// nomenclatures (<see cref="Cog"/>): the 101 départements (2A/2B in Corsica, 971–974 and 976
/// overseas) and the 18 régions since 2016, by code or by name.
/// </summary>
public static class FrenchTerritories
{
    private static readonly FrozenDictionary<string, string> RegionByName =
        Cog.Regions.Values.ToFrozenDictionary(r => Simplify(r.Name), r => r.Code, StringComparer.Ordinal);

    public static bool IsDepartement(string code) => Cog.Departements.ContainsKey(code);

    /// <summary>A département code as rosters write it: "1" or "01", "2a" → "2A"; null when it is none.</summary>
    public static string? Departement(string text)
    {
        var code = text.Trim().ToUpperInvariant();
        if (code.Length == 1 && char.IsAsciiDigit(code[0])) code = "0" + code;
        return IsDepartement(code) ? code : null;
    }

    /// <summary>A région written "R27" (its COG code) or by its name (accents, case and dashes ignored); null when it is none.</summary>
    public static string? Region(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 3 && trimmed[0] is 'R' or 'r' && Cog.Regions.ContainsKey(trimmed[1..])) return trimmed[1..];
        return RegionByName.TryGetValue(Simplify(trimmed), out var code) ? code : null;
    }

    public static string Simplify(string text) => SignauxFaibles.Ingestion.Parsing.TextFold.Key(text);
}
