using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Indicators;
using SignauxFaibles.Features.Panel;
using SignauxFaibles.Indicators.Facts;
using SignauxFaibles.Indicators.Panel;
using SignauxFaibles.UnitTests.Indicators;

namespace SignauxFaibles.UnitTests.Features;

/// <summary>The feature service's panel comparison and message chunking, without a database.</summary>
public sealed class PanelDiffTests
{
    private static readonly PanelCalculator Calculator = new(new PanelSettings { From = new YearMonth(2020, 1), To = new YearMonth(2020, 12) });

    private static Dictionary<(string, string), byte[]> Stored(CompanyPanel panel)
    {
        var stored = new Dictionary<(string, string), byte[]> { [(panel.Siren.Value, "")] = PanelSeriesCodec.Encode(panel.CompanyRows, PanelSchema.Company) };
        foreach (var establishment in panel.EstablishmentRows.GroupBy(r => r.Siret!.Value.Value))
        {
            stored[(panel.Siren.Value, establishment.Key)] = PanelSeriesCodec.Encode([.. establishment], PanelSchema.Establishment);
        }
        return stored;
    }

    [Fact]
    public void A_first_computation_writes_every_row_and_announces_every_company_month()
    {
        var facts = new PanelScenario().DebtStep("L1", new YearMonth(2020, 1), 1, new DateOnly(2020, 3, 2), 10m, 20m).Facts;
        var changes = PanelDiff.Compute(Calculator, [CompanyFacts.Build(PanelScenario.Company, facts)], [], new Dictionary<string, long>());

        Assert.Equal(2, changes.Upserts.Count);                // the company's series and the establishment's
        Assert.Equal("", changes.Upserts[0].Siret);
        Assert.Equal(12, changes.Upserts[1].Decode().Count());
        var update = Assert.Single(changes.Updates);
        Assert.Equal(12, update.Months.Count);
        Assert.Equal(1, update.Revision);
        Assert.Empty(changes.Deletes);
    }

    [Fact]
    public void A_later_step_rewrites_only_the_rows_it_changes_and_announces_only_those_company_months()
    {
        var scenario = new PanelScenario().DebtStep("L1", new YearMonth(2020, 1), 1, new DateOnly(2020, 3, 2), 10m, 20m);
        var before = Calculator.Compute(CompanyFacts.Build(PanelScenario.Company, scenario.Facts));
        scenario.DebtStep("L1", new YearMonth(2020, 1), 2, new DateOnly(2020, 9, 15), 0m, 0m);

        var changes = PanelDiff.Compute(Calculator, [CompanyFacts.Build(PanelScenario.Company, scenario.Facts)], Stored(before),
            new Dictionary<string, long> { [PanelScenario.Company.Value] = 4 });

        var update = Assert.Single(changes.Updates);
        Assert.Equal(5, update.Revision);
        Assert.Equal(YearMonth.Range(new YearMonth(2020, 9), new YearMonth(2020, 12)), update.Months.Select(m => m.Month));
        Assert.Equal(2, changes.Upserts.Count);                 // September–December changed in both series
        var company = changes.Upserts[0].Decode().ToList();
        Assert.Equal(12, company.Count);
        Assert.All(company.Zip(Calculator.Compute(CompanyFacts.Build(PanelScenario.Company, scenario.Facts)).CompanyRows), pair =>
            Assert.True(pair.First.Values.AsSpan().SequenceEqual(pair.Second.Values) && pair.First.Labels.AsSpan().SequenceEqual(pair.Second.Labels)));
    }

    [Fact]
    public void Only_the_latest_changed_months_are_carried_and_the_event_says_from_when_the_company_changed()
    {
        var scenario = new PanelScenario().DebtStep("L1", new YearMonth(2020, 1), 1, new DateOnly(2020, 3, 2), 10m, 20m);
        var first = PanelDiff.Compute(Calculator, [CompanyFacts.Build(PanelScenario.Company, scenario.Facts)], [], new Dictionary<string, long>(), announcedMonths: 5);
        var stored = Stored(Calculator.Compute(CompanyFacts.Build(PanelScenario.Company, scenario.Facts)));
        scenario.DebtStep("L1", new YearMonth(2020, 1), 2, new DateOnly(2020, 9, 15), 0m, 0m);
        var later = PanelDiff.Compute(Calculator, [CompanyFacts.Build(PanelScenario.Company, scenario.Facts)], stored, new Dictionary<string, long>(), announcedMonths: 5);

        var all = Assert.Single(first.Updates);
        Assert.Equal(YearMonth.Range(new YearMonth(2020, 8), new YearMonth(2020, 12)), all.Months.Select(m => m.Month));
        Assert.Equal(new YearMonth(2020, 1), all.ChangedFrom);
        Assert.Equal(2, first.Upserts.Count);                   // the stored series keep every month
        Assert.Equal(12, first.Upserts[0].Decode().Count());
        var update = Assert.Single(later.Updates);
        Assert.Equal(YearMonth.Range(new YearMonth(2020, 9), new YearMonth(2020, 12)), update.Months.Select(m => m.Month));
        Assert.Equal(new YearMonth(2020, 9), update.ChangedFrom);
    }

    [Fact]
    public void Unchanged_facts_change_nothing()
    {
        var facts = new PanelScenario().DebtStep("L1", new YearMonth(2020, 1), 1, new DateOnly(2020, 3, 2), 10m, 20m).Facts;
        var company = CompanyFacts.Build(PanelScenario.Company, facts);
        var changes = PanelDiff.Compute(Calculator, [company], Stored(Calculator.Compute(company)), new Dictionary<string, long>());

        Assert.Empty(changes.Upserts);
        Assert.Empty(changes.Updates);
        Assert.Empty(changes.Deletes);
    }

    [Fact]
    public void Announcements_are_cut_into_messages_of_bounded_months_without_splitting_a_company()
    {
        CompanyIndicators Company(int months) => new(PanelScenario.Company,
            [.. Enumerable.Range(0, months).Select(i => new MonthlyIndicators(new YearMonth(2020, 1).AddMonths(i), new Dictionary<string, double>()))], 1);

        var messages = PanelRefresher.Chunks([Company(10), Company(10), Company(5), Company(30)], 20, DateTimeOffset.UnixEpoch).ToList();

        Assert.Equal([2, 1, 1], messages.Select(m => m.Companies.Count));
        Assert.Equal([20, 5, 30], messages.Select(m => m.Companies.Sum(c => c.Months.Count)));
    }
}
