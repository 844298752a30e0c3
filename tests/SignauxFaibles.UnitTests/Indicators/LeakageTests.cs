using SignauxFaibles.Contracts.Finance;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Judiciaire;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Contracts.ShortTimeWork;
using SignauxFaibles.Contracts.Urssaf;
using SignauxFaibles.Indicators.Facts;
using SignauxFaibles.Indicators.Panel;
using SignauxFaibles.Indicators.Urssaf;

namespace SignauxFaibles.UnitTests.Indicators;

/// <summary>
/// No look into the future: changing, removing or adding any fact dated after month M changes
/// no value of month M or before, on randomly generated companies and cut-off months.
/// </summary>
public sealed class LeakageTests
{
    private static readonly Siret[] Sirets = [PanelScenario.HeadOffice, PanelScenario.Branch];

    [Theory]
    [InlineData(1, "2019-06")]
    [InlineData(2, "2020-01")]
    [InlineData(3, "2020-11")]
    [InlineData(4, "2021-03")]
    public void Facts_dated_after_a_month_change_nothing_up_to_that_month(int seed, string cutOff)
    {
        var m = YearMonth.Parse(cutOff);
        var random = new Random(seed);
        var facts = Enumerable.Range(0, 400).Select(i => RandomFact(random, i)).ToList();
        var settings = new PanelSettings { From = new YearMonth(2019, 1), To = new YearMonth(2021, 12) };
        var calculator = new PanelCalculator(settings);

        var after = facts.Where(f => KnownMonth(f, settings) > m).ToList();
        Assert.NotEmpty(after);
        var changed = facts.Where(f => KnownMonth(f, settings) <= m)
            .Concat(after.Where((_, i) => i % 3 != 0).Select(f => Perturb(f, random)))      // a third removed, the rest altered
            .Concat(Enumerable.Range(1000, 50).Select(i => RandomFact(random, i)).Where(f => KnownMonth(f, settings) > m))   // new ones
            .ToList();

        var before = calculator.Compute(CompanyFacts.Build(PanelScenario.Company, facts));
        var afterChange = calculator.Compute(CompanyFacts.Build(PanelScenario.Company, changed));

        var expected = before.AllRows.Where(r => r.Month <= m).ToList();
        var actual = afterChange.AllRows.Where(r => r.Month <= m).ToList();
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i].SameContentAs(actual[i]), $"{expected[i].Siret?.Value ?? "company"} {expected[i].Month} changed");
        }
        // The test can fail: the months after the cut-off did move.
        Assert.Contains(before.CompanyRows.Zip(afterChange.CompanyRows), p => p.First.Month > m && !p.First.SameContentAs(p.Second));
    }

    /// <summary>The month from which a fact is known — what "dated after M" means for each kind.</summary>
    private static YearMonth KnownMonth(Fact fact, PanelSettings settings) => fact.Record switch
    {
        ContributionDebtStep d => ContributionDebt.EffectiveMonth(d.ProcessedOn),
        ContributionDeclaration c => c.Period.First,
        PaymentPlan p => YearMonth.Of(p.GrantedOn),
        CcsfPlanStep c => YearMonth.Of(c.ProcessedOn),
        CompanyHeadcount h => h.Month,
        EstablishmentHeadcount h => h.Month,
        ShortTimeWorkRequest r => YearMonth.Of(r.StatusDate ?? r.From),
        ShortTimeWorkConsumption c => c.Month,
        FinancialStatement s => YearMonth.Of(s.FiscalYearEnd).AddMonths(settings.FinancialFilingDelayMonths),
        SupplierPaymentDelay p => YearMonth.Of(p.ValueDate),
        InsolvencyProceeding p => YearMonth.Of(p.EffectiveOn),
        _ => throw new InvalidOperationException(fact.Kind.ToString()),
    };

    private static DateOnly Day(Random r) => new DateOnly(2017, 1, 1).AddDays(r.Next(0, 365 * 5));

    private static Fact RandomFact(Random r, int i)
    {
        var key = $"k{i:D5}";
        var siret = Sirets[r.Next(Sirets.Length)];
        var day = Day(r);
        var month = YearMonth.Of(day);
        ISourceRecord record = r.Next(12) switch
        {
            0 => new ContributionDebtStep(key, "ACC" + r.Next(2), PanelScenario.Company, siret, new MonthRange(month.AddMonths(-2), month.AddMonths(-2)),
                "L" + r.Next(5), r.Next(1, 6), day, r.Next(0, 5000), r.Next(0, 20000), 1, "", "", "", false),
            1 => new ContributionDeclaration(key, siret, "ACC1", new MonthRange(month, month.AddMonths(r.Next(3))), r.Next(500, 9000), null),
            2 => new PaymentPlan(key, siret, "ACC1", day, day.AddDays(r.Next(30, 400)), r.Next(30, 400), r.Next(1000, 30000), null, null),
            3 => new CcsfPlanStep(key, siret, "ACC" + r.Next(2), day, r.Next(2) == 0 ? "DEBUT" : "FIN", null),
            4 => new CompanyHeadcount(key, PanelScenario.Company, month, r.Next(0, 40)),
            5 => new EstablishmentHeadcount(key, siret, month, r.Next(0, 30)),
            6 => new ShortTimeWorkRequest(key, "DA" + i, siret, day, day.AddDays(r.Next(10, 120)), r.Next(100, 3000), null, null,
                ShortTimeWorkReason.EconomicConditions, null, null, day.AddDays(r.Next(-20, 60)), null, null, null, null, null),
            7 => new ShortTimeWorkConsumption(key, "DA", siret, month, r.Next(0, 500), null, null),
            8 => new FinancialStatement(key, PanelScenario.Company, new DateOnly(day.Year, 12, 31), 12,
                new Dictionary<string, decimal?> { ["bdfMarginRate"] = r.Next(-10, 40), [FinancialItemCodes.Turnover] = r.Next(1, 9) * 100000m }),
            9 => new SupplierPaymentDelay(key, PanelScenario.Company, day, r.Next(-5, 120), null, 5, null, null, r.Next(0, 100), r.Next(0, 100)),
            10 => new InsolvencyProceeding(key, PanelScenario.Company, siret, day, (ProceedingNature)r.Next(3), r.Next(3) == 0 ? "fin" : "ouverture", null),
            _ => new CompanyHeadcount(key, PanelScenario.Company, month.AddMonths(1), r.Next(0, 40)),
        };
        var source = record switch
        {
            FinancialStatement => r.Next(2) == 0 ? DataSource.BanqueDeFrance : DataSource.Diane,
            ShortTimeWorkRequest or ShortTimeWorkConsumption => DataSource.Dgefp,
            _ => DataSource.Urssaf,
        };
        return Fact.Of(record, source)!;
    }

    private static Fact Perturb(Fact fact, Random r)
    {
        ISourceRecord record = fact.Record switch
        {
            ContributionDebtStep d => d with { EmployerShare = d.EmployerShare + 777, HistoryNumber = d.HistoryNumber + 10 },
            ContributionDeclaration c => c with { AmountDue = c.AmountDue * 3 },
            PaymentPlan p => p with { Amount = 1 },
            CcsfPlanStep c => c with { Stage = c.Stage == "FIN" ? "DEBUT" : "FIN" },
            CompanyHeadcount h => h with { Headcount = h.Headcount + 50 },
            EstablishmentHeadcount h => h with { Headcount = h.Headcount + 50 },
            ShortTimeWorkRequest q => q with { HoursAuthorised = 99999 },
            ShortTimeWorkConsumption c => c with { Hours = c.Hours + 1000 },
            FinancialStatement s => s with { Items = new Dictionary<string, decimal?> { ["bdfMarginRate"] = r.Next(50, 90) } },
            SupplierPaymentDelay p => p with { Days = 300 },
            InsolvencyProceeding p => p with { Nature = ProceedingNature.Liquidation },
            var other => other,
        };
        return fact with { Record = record };
    }
}
