namespace SignauxFaibles.Portal.French;

public static partial class Fr
{
    public static string FollowReason(string? reason) => reason switch
    {
        "Contacted" => "Contacté par l'entreprise ou un partenaire",
        "LocalNetwork" => "Connue par le réseau local ou la presse",
        "Other" => "Autre",
        _ => reason ?? "—",
    };

    public static string FollowStatus(string? status) => status switch
    {
        "InProgress" => "En cours",
        "UnderWatch" => "Sous surveillance",
        "Closed" => "Clos",
        _ => status ?? "—",
    };

    /// <summary>The officer's verdict on an alert.</summary>
    public static string Useful(bool? useful) => useful switch { true => "Utile", false => "Pas utile", null => "—" };
}
