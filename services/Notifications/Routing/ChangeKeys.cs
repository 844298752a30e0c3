using SignauxFaibles.Contracts.Scoring;

namespace SignauxFaibles.Notifications.Routing;

/// <summary>
/// Identity of a level change, independent of the message carrying it: a redelivery, a replay or a
/// republication of the same move (same company, month, levels and moment it was scored) is one
/// change. The moment is part of it: a company that leaves a list and comes back within the month
/// moves twice (found by sf ops chaos: the return was taken for a repeat, and the officer's inbox
/// said the company had left the list). The model version and probability are left out.
/// </summary>
public static class ChangeKeys
{
    public static string Of(RiskLevelChanged change) =>
        $"{change.Siren.Value}/{change.Month}/{change.PreviousLevel}>{change.Level}/{change.ChangedAt.UtcTicks}";
}
