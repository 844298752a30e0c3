namespace SignauxFaibles.Notifications.Roster;

/// <summary>
/// The roster the partners maintain, one row per person (first sheet of an xlsx, or a CSV with ';'
/// or ',' between fields). Column names are matched without regard to case, accents, spacing or
/// punctuation, and under the other names partners give them (<see cref="Canonical"/>); other
/// columns are ignored, so a roster may keep its own notes. See the README, "Officer roster".
/// </summary>
public static class RosterLayout
{
    /// <summary>A (confidential data per <see cref="Rights"/>) or B (public data only).</summary>
    public const string Level = "Niveau";

    /// <summary>DREETS, DDETS, URSSAF, DGFiP, Banque de France, DGE (or a known alias: CRP, CODEFI, BDF…).</summary>
    public const string Institution = "Institution";

    /// <summary>Comma-separated: "France" (national), département codes (21, 2A, 971), régions by name or as R27.</summary>
    public const string GeographicAccess = "Accès géographique";

    public const string Function = "Fonction";
    public const string FirstName = "Prénom";
    public const string LastName = "Nom";
    public const string Email = "E-mail";

    /// <summary>Comma-separated among urssaf, dgefp, bdf, dgfip, score; empty for none.</summary>
    public const string Rights = "Droits";

    public static IReadOnlyList<string> Required { get; } = [Level, Institution, GeographicAccess, FirstName, LastName, Email];

    public static IReadOnlyList<string> All { get; } = [Level, Institution, GeographicAccess, Function, FirstName, LastName, Email, Rights];

    // Spellings of each column as the partners' rosters write them, folded (TextFold.Key).
    private static readonly Dictionary<string, string> Spellings = new(StringComparer.Ordinal)
    {
        ["niveau"] = Level, ["niveau habilitation"] = Level, ["niveau d habilitation"] = Level, ["habilitation"] = Level,
        ["institution"] = Institution, ["administration"] = Institution,
        ["acces geographique"] = GeographicAccess, ["perimetre geographique"] = GeographicAccess,
        ["fonction"] = Function,
        ["prenom"] = FirstName,
        ["nom"] = LastName, ["nom de famille"] = LastName,
        ["e mail"] = Email, ["email"] = Email, ["mail"] = Email, ["adresse mail"] = Email, ["adresse e mail"] = Email, ["adresse email"] = Email, ["courriel"] = Email,
        ["droits"] = Rights, ["droits d acces"] = Rights,
    };

    /// <summary>The layout's name of a header cell however a partner spells it; null for a column the roster does not read.</summary>
    public static string? Canonical(string header) => Spellings.GetValueOrDefault(SignauxFaibles.Ingestion.Parsing.TextFold.Key(header));
}
