using System.Collections.Frozen;

namespace SignauxFaibles.Nomenclatures.Geography;

/// <summary>
/// Régions and départements of the INSEE Code officiel géographique (see Geography/NOTICE.md):
/// the one table services use to name a place or find the région of a département. Codes are the
/// ones Sirene carries; look-ups are exact (normalising what a source writes is the reader's job).
/// </summary>
public static partial class Cog
{
    // The rows are properties, not fields: they live in other files of this partial class, whose
    // static fields would be initialised in no guaranteed order relative to these.
    public static IReadOnlyDictionary<string, Region> Regions { get; } =
        RegionRows.Select(r => new Region(r.Code, r.Name)).ToFrozenDictionary(r => r.Code, StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, Departement> Departements { get; } =
        DepartementRows.Select(d => new Departement(d.Code, d.Name, d.Region)).ToFrozenDictionary(d => d.Code, StringComparer.Ordinal);

    /// <summary>The région with this COG code; null when there is none.</summary>
    public static Region? FindRegion(string? code) => code is not null && Regions.TryGetValue(code, out var r) ? r : null;

    /// <summary>The département with this COG code; null when there is none.</summary>
    public static Departement? FindDepartement(string? code) => code is not null && Departements.TryGetValue(code, out var d) ? d : null;
}
