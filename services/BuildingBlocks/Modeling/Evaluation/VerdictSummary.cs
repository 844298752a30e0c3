using SignauxFaibles.Modeling.Data;

namespace SignauxFaibles.Modeling.Evaluation;

/// <summary>One model version's verdicts, and what the panel says happened to the companies judged.</summary>
public sealed record VersionVerdicts(string ModelVersion, int Verdicts, int Useful, int Judged, int FollowedByProceeding, int UsefulFollowedByProceeding);

/// <summary>
/// Officers' verdicts joined to the training panel: per model version, how many alerts were judged
/// useful, and how many of the judged company months were followed by a proceeding within the
/// horizon (a useful alert on a company that recovered is a success, not a false alarm: verdicts
/// are shown beside the labels, not turned into them).
/// </summary>
public static class VerdictSummary
{
    public static IReadOnlyList<VersionVerdicts> Of(IReadOnlyList<OfficerVerdict> verdicts, PanelData panel)
    {
        var outcome = new Dictionary<(string, string), bool>();
        var groups = panel.Table.Groups!;
        for (var i = 0; i < panel.Table.Count; i++) outcome[(groups[i], panel.Periods[i])] = panel.Table.Labels[i];
        return verdicts.GroupBy(v => v.ModelVersion ?? "—").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var judged = g.Where(v => v.Month is not null && outcome.ContainsKey((v.Siren, v.Month))).ToArray();
            return new VersionVerdicts(g.Key, g.Count(), g.Count(v => v.Useful), judged.Length,
                judged.Count(v => outcome[(v.Siren, v.Month!)]), judged.Count(v => v.Useful && outcome[(v.Siren, v.Month!)]));
        }).ToList();
    }
}
