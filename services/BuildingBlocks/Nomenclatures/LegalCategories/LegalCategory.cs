using System.Collections.Frozen;

namespace SignauxFaibles.Nomenclatures.LegalCategories;

/// <summary>
/// INSEE's nomenclature of legal categories (catégories juridiques) at its level 2: the first two
/// digits of the four Sirene delivers (5710 → 57, société par actions simplifiée). Level 2 names
/// the legal form an officer needs (SARL, SA, SAS…); the 4-digit detail is not carried here.
/// See LegalCategories/NOTICE.md for the source.
/// </summary>
public static class LegalCategory
{
    private static readonly FrozenDictionary<string, string> Level2 = new Dictionary<string, string>
    {
        ["00"] = "Organisme de placement collectif en valeurs mobilières sans personnalité morale",
        ["10"] = "Entrepreneur individuel",
        ["21"] = "Indivision",
        ["22"] = "Société créée de fait",
        ["23"] = "Société en participation",
        ["24"] = "Fiducie",
        ["27"] = "Paroisse hors zone concordataire",
        ["28"] = "Assujetti unique à la TVA",
        ["29"] = "Autre groupement de droit privé non doté de la personnalité morale",
        ["31"] = "Personne morale de droit étranger, immatriculée au RCS",
        ["32"] = "Personne morale de droit étranger, non immatriculée au RCS",
        ["41"] = "Établissement public ou régie à caractère industriel ou commercial",
        ["51"] = "Société coopérative commerciale particulière",
        ["52"] = "Société en nom collectif",
        ["53"] = "Société en commandite",
        ["54"] = "Société à responsabilité limitée (SARL)",
        ["55"] = "Société anonyme à conseil d'administration",
        ["56"] = "Société anonyme à directoire",
        ["57"] = "Société par actions simplifiée (SAS)",
        ["58"] = "Société européenne",
        ["61"] = "Caisse d'épargne et de prévoyance",
        ["62"] = "Groupement d'intérêt économique",
        ["63"] = "Société coopérative agricole",
        ["64"] = "Société d'assurance mutuelle",
        ["65"] = "Société civile",
        ["69"] = "Autre personne morale de droit privé inscrite au RCS",
        ["71"] = "Administration de l'État",
        ["72"] = "Collectivité territoriale",
        ["73"] = "Établissement public administratif",
        ["74"] = "Autre personne morale de droit public administratif",
        ["81"] = "Organisme gérant un régime de protection sociale à adhésion obligatoire",
        ["82"] = "Organisme mutualiste",
        ["83"] = "Comité social et économique d'entreprise",
        ["84"] = "Organisme professionnel",
        ["85"] = "Organisme de retraite à adhésion non obligatoire",
        ["91"] = "Syndicat de propriétaires",
        ["92"] = "Association loi 1901 ou assimilé",
        ["93"] = "Fondation",
        ["99"] = "Autre personne morale de droit privé",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every level-2 category, by its two-digit code.</summary>
    public static IReadOnlyDictionary<string, string> Categories => Level2;

    /// <summary>The level-2 label of a category written with 2 to 4 digits (5499, 54); null when unknown or not digits.</summary>
    public static string? Label(string? code)
    {
        var trimmed = code?.Trim();
        if (trimmed is not { Length: >= 2 and <= 4 } || !trimmed.All(char.IsAsciiDigit)) return null;
        return Level2.GetValueOrDefault(trimmed[..2]);
    }
}
