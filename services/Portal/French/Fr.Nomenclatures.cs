using SignauxFaibles.Nomenclatures.Geography;
using SignauxFaibles.Nomenclatures.Naf;

namespace SignauxFaibles.Portal.French;

/// <summary>
/// Codes named from the shared nomenclatures. The code stays beside the name (officers and
/// partners quote codes), and a code the nomenclature does not know is shown as it came.
/// </summary>
public static partial class Fr
{
    /// <summary>A NAF position of any level: "25.62B — Mécanique industrielle", "C — Industrie manufacturière".</summary>
    public static string Naf(string? code) =>
        string.IsNullOrWhiteSpace(code) ? "—"
        : NafNomenclature.Rev2.Find(code) is { } activity ? $"{activity.DottedCode} — {activity.Label}"
        : code;

    /// <summary>A Sirene legal category by its level-2 name: "5710 — Société par actions simplifiée (SAS)".</summary>
    public static string LegalCategory(string? code) =>
        string.IsNullOrWhiteSpace(code) ? "—"
        : SignauxFaibles.Nomenclatures.LegalCategories.LegalCategory.Label(code) is { } label ? $"{code.Trim()} — {label}"
        : code;

    /// <summary>"Côte-d'Or (21)": the name, with the number officers also know it by.</summary>
    public static string Departement(string? code) =>
        string.IsNullOrWhiteSpace(code) ? "—"
        : Cog.FindDepartement(code) is { } departement ? $"{departement.Name} ({departement.Code})"
        : code;

    /// <summary>"Bourgogne-Franche-Comté".</summary>
    public static string Region(string? code) =>
        string.IsNullOrWhiteSpace(code) ? "—"
        : Cog.FindRegion(code)?.Name ?? code;
}
