using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace SignauxFaibles.Notifications.Territories;

/// <summary>
/// Départements and régions as rosters write them. Régions are the 18 of the INSEE COG since 2016
/// (codes as Sirene events carry them); départements are checked by shape: 01–95 (20 is split
/// into 2A/2B) and the five overseas 971–974, 976.
/// </summary>
public static class FrenchTerritories
{
    public static IReadOnlyDictionary<string, string> RegionNames { get; } = new Dictionary<string, string>
    {
        ["01"] = "Guadeloupe", ["02"] = "Martinique", ["03"] = "Guyane", ["04"] = "La Réunion", ["06"] = "Mayotte",
        ["11"] = "Île-de-France", ["24"] = "Centre-Val de Loire", ["27"] = "Bourgogne-Franche-Comté", ["28"] = "Normandie",
        ["32"] = "Hauts-de-France", ["44"] = "Grand Est", ["52"] = "Pays de la Loire", ["53"] = "Bretagne",
        ["75"] = "Nouvelle-Aquitaine", ["76"] = "Occitanie", ["84"] = "Auvergne-Rhône-Alpes",
        ["93"] = "Provence-Alpes-Côte d'Azur", ["94"] = "Corse",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> RegionByName =
        RegionNames.ToFrozenDictionary(p => Simplify(p.Value), p => p.Key, StringComparer.Ordinal);

    public static bool IsDepartement(string code) => code switch
    {
        "2A" or "2B" or "971" or "972" or "973" or "974" or "976" => true,
        { Length: 2 } when char.IsAsciiDigit(code[0]) && char.IsAsciiDigit(code[1]) => code is not ("00" or "20" or "96" or "97" or "98" or "99"),
        _ => false,
    };

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
        if (trimmed.Length == 3 && trimmed[0] is 'R' or 'r' && RegionNames.ContainsKey(trimmed[1..])) return trimmed[1..];
        return RegionByName.TryGetValue(Simplify(trimmed), out var code) ? code : null;
    }

    public static string Simplify(string text) => SignauxFaibles.Ingestion.Parsing.TextFold.Key(text);
}
