namespace SignauxFaibles.Notifications.Officers;

/// <summary>
/// Confidential data an officer is habilitated for (access.md); registry data, headcount, accounts
/// and proceedings need no right. Alerts about scores go only to officers holding <see cref="Score"/>.
/// </summary>
[Flags]
public enum OfficerRights
{
    None = 0,
    Urssaf = 1,
    Dgefp = 2,
    Bdf = 4,
    Score = 8,

    /// <summary>Tax returns (DGFiP).</summary>
    Dgfip = 16,
}
