namespace SignauxFaibles.Portal.French;

public static partial class Fr
{
    /// <summary>The risk levels as the scoring service names them, most at risk first (the values of filters and links).</summary>
    public static readonly IReadOnlyList<string> Levels = ["High", "Moderate", "None"];

    /// <summary>The size classes as the scoring service names them, smallest first (the values of the size filter).</summary>
    public static readonly IReadOnlyList<string> SizeClasses = ["micro", "PME", "ETI", "GE"];

    /// <summary>A risk level in words: officers read a risk, not a colour code.</summary>
    public static string Level(string? level) => level switch
    {
        "High" => "Risque fort",
        "Moderate" => "Risque modéré",
        "None" => "Pas d'alerte",
        _ => "—",
    };

    /// <summary>How the level moved since the previous one (the list's "change" column).</summary>
    public static string Change(string level, string previous) => (Rank(level) - Rank(previous)) switch
    {
        > 0 when previous == "None" => "Nouvelle alerte",
        > 0 => "Aggravation",
        < 0 => "Amélioration",
        _ => "Stable",
    };

    private static int Rank(string? level) => level switch { "High" => 2, "Moderate" => 1, _ => 0 };

    /// <summary>The size class as the French statistics name it: the service's "micro" is a TPE (fewer than 10 employees).</summary>
    public static string SizeClass(string? size) => size switch
    {
        null or "" => "—",
        "micro" => "TPE",
        _ => size,
    };
}
