using SignauxFaibles.Contracts.Scoring;

namespace SignauxFaibles.Notifications.Routing;

/// <summary>
/// Identity of a level change, independent of the message carrying it: a redelivery, a replay or a
/// republication of the same move of the same company for the same month is one change. The model
/// version is left out on purpose: a re-scoring that confirms the move must not alert again.
/// </summary>
public static class ChangeKeys
{
    public static string Of(RiskLevelChanged change) =>
        $"{change.Siren.Value}/{change.Month}/{change.PreviousLevel}>{change.Level}";
}
