using System.Collections.Frozen;

namespace SignauxFaibles.Notifications.Officers;

/// <summary>
/// The partner institutions an officer may belong to (access.md), with the spellings rosters use.
/// An unknown institution is a roster reject, never a guess: it decides what the officer may see.
/// </summary>
public static class Institutions
{
    public const string Dreets = "DREETS";
    public const string Ddets = "DDETS";
    public const string Urssaf = "URSSAF";
    public const string Dgfip = "DGFiP";
    public const string BanqueDeFrance = "Banque de France";
    public const string Dge = "DGE";

    public static IReadOnlyList<string> All { get; } = [Dreets, Ddets, Urssaf, Dgfip, BanqueDeFrance, Dge];

    private static readonly FrozenDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["DREETS"] = Dreets, ["CRP"] = Dreets, ["DREETS/CRP"] = Dreets, ["DIRECCTE"] = Dreets,
        ["DDETS"] = Ddets, ["DDETSPP"] = Ddets,
        ["URSSAF"] = Urssaf, ["ACOSS"] = Urssaf, ["URSSAF Caisse nationale"] = Urssaf,
        ["DGFIP"] = Dgfip, ["CODEFI"] = Dgfip, ["DGFIP/CODEFI"] = Dgfip, ["DDFIP"] = Dgfip, ["DRFIP"] = Dgfip,
        ["Banque de France"] = BanqueDeFrance, ["BDF"] = BanqueDeFrance,
        ["DGE"] = Dge,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The canonical name of a spelling; null when it is no partner institution.</summary>
    public static string? Canonical(string? name) =>
        name is not null && Aliases.TryGetValue(name.Trim(), out var canonical) ? canonical : null;
}
