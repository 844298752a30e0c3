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
        var byKnowledge = facts.Select(f => (Day: KnowledgeDates.Of(f), Fact: f)).OrderBy(f => f.Day).ToArray();
        // How many facts each month's scorable day knows (the sets only grow with the day).
        var months = YearMonth.Range(settings.From, settings.To).ToArray();
        var knownAt = new int[months.Length];
        for (int m = 0, n = 0; m < months.Length; m++)
        {
            var day = ScorableOn(months[m]);
            while (n < byKnowledge.Length && byKnowledge[n].Day <= day) n++;
            knownAt[m] = n;
        }
        var companyRows = new List<PanelRow>();
        var establishmentRows = new List<PanelRow>();
        for (var first = 0; first < months.Length;)
        {
            // The months whose scorable day knows the same facts: one computation up to the last of them.
            var last = first;
            while (last + 1 < months.Length && knownAt[last + 1] == knownAt[first]) last++;
            var known = knownAt[first];
            if (known > 0)
            {
                var (from, to) = (months[first], months[last]);
                var panel = known == byKnowledge.Length
                    ? full
                    : new PanelCalculator(settings with { To = to }).Compute(CompanyFacts.Build(siren, byKnowledge.Take(known).Select(f => f.Fact)));
                companyRows.AddRange(panel.CompanyRows.Where(r => r.Month >= from && r.Month <= to));
                establishmentRows.AddRange(panel.EstablishmentRows.Where(r => r.Month >= from && r.Month <= to));
            }
            first = last + 1;
        }
        if (settings.IncludeOutcome) CopyOutcome(full.CompanyRows, companyRows, CompanySchema.IndexOf(PanelSchema.Outcome));
        return new CompanyPanel(siren, companyRows, [.. establishmentRows.OrderBy(r => r.Siret).ThenBy(r => r.Month)]);
    }

    /// <summary>The outcome is what happened within the horizon, known from every fact whatever the row's vintage.</summary>
    private static void CopyOutcome(IReadOnlyList<PanelRow> full, List<PanelRow> vintage, int column)
    {
        var outcome = full.ToDictionary(r => r.Month, r => r.Values[column]);
        foreach (var row in vintage) row.Values[column] = outcome.GetValueOrDefault(row.Month, double.NaN);
    }
}
