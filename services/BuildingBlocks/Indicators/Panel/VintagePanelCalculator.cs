using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Indicators.Facts;

namespace SignauxFaibles.Indicators.Panel;

/// <summary>
/// The panel as the service saw it month after month ("vintage" rows): the row of month M is
/// computed from the facts known on the day M became scorable (its contributions delivered,
/// <see cref="ScorableOn"/>), so a training row lacks what the live row of that month lacked — the
/// quarter's headcounts not yet delivered, accounts not yet filed, a débit processed later. The
/// outcome is the only column taken from every fact: it is what happened, not what was known.
/// </summary>
/// <remarks>
/// Knowledge sets only grow with the day, so months whose day sees the same number of facts share
/// one computation; a company whose facts were all known by then reuses its full panel.
/// </remarks>
public sealed class VintagePanelCalculator(PanelSettings settings)
{
    private readonly PanelCalculator _full = new(settings);

    public PanelSettings Settings => settings;

    public PanelSchema CompanySchema => _full.CompanySchema;

    /// <summary>The day the list of <paramref name="month"/> is first drawn: its contributions are known (the documented delay of a declaration).</summary>
    public static DateOnly ScorableOn(YearMonth month) => KnowledgeDates.DeclarationKnownOn(month);

    public CompanyPanel Compute(Siren siren, IReadOnlyList<Fact> facts)
    {
        var full = _full.Compute(CompanyFacts.Build(siren, facts));
        var byKnowledge = facts.OrderBy(KnowledgeDates.Of).ToArray();
        var companyRows = new List<PanelRow>();
        var establishmentRows = new List<PanelRow>();
        var known = 0;
        var month = settings.From;
        while (month <= settings.To)
        {
            // The months whose scorable day knows the same facts: one computation up to the last of them.
            known = CountKnown(byKnowledge, known, ScorableOn(month));
            var last = month;
            while (last < settings.To && CountKnown(byKnowledge, known, ScorableOn(last.AddMonths(1))) == known) last = last.AddMonths(1);
            if (known > 0)
            {
                var panel = known == byKnowledge.Length
                    ? full
                    : new PanelCalculator(settings with { To = last }).Compute(CompanyFacts.Build(siren, byKnowledge.Take(known)));
                companyRows.AddRange(panel.CompanyRows.Where(r => r.Month >= month && r.Month <= last));
                establishmentRows.AddRange(panel.EstablishmentRows.Where(r => r.Month >= month && r.Month <= last));
            }
            month = last.AddMonths(1);
        }
        if (settings.IncludeOutcome) CopyOutcome(full.CompanyRows, companyRows, CompanySchema.IndexOf(PanelSchema.Outcome));
        return new CompanyPanel(siren, companyRows, [.. establishmentRows.OrderBy(r => r.Siret).ThenBy(r => r.Month)]);
    }

    private static int CountKnown(Fact[] byKnowledge, int from, DateOnly day)
    {
        var n = from;
        while (n < byKnowledge.Length && KnowledgeDates.Of(byKnowledge[n]) <= day) n++;
        return n;
    }

    /// <summary>The outcome is what happened within the horizon, known from every fact whatever the row's vintage.</summary>
    private static void CopyOutcome(IReadOnlyList<PanelRow> full, List<PanelRow> vintage, int column)
    {
        var outcome = full.ToDictionary(r => r.Month, r => r.Values[column]);
        foreach (var row in vintage) row.Values[column] = outcome.GetValueOrDefault(row.Month, double.NaN);
    }
}
