using SignauxFaibles.Contracts.Finance;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Judiciaire;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Contracts.ShortTimeWork;
using SignauxFaibles.Contracts.Urssaf;
using SignauxFaibles.Indicators.Facts;
using SignauxFaibles.Indicators.Panel;

namespace SignauxFaibles.UnitTests.Indicators;

/// <summary>A hand-built company: facts added one by one, then its panel read by month and name.</summary>
internal sealed class PanelScenario
{
    public static readonly Siren Company = Siren.Parse("033519133");
    public static readonly Siret HeadOffice = Siret.Parse("03351913300012");
    public static readonly Siret Branch = Siret.Parse("03351913300020");

    private readonly List<Fact> _facts = [];
    private int _key;

    public PanelSettings Settings { get; set; } = new() { From = new YearMonth(2019, 1), To = new YearMonth(2021, 12) };

    private string Key() => $"k{++_key:D5}";

    public PanelScenario Add(ISourceRecord record, DataSource source = DataSource.Urssaf)
    {
        _facts.Add(Fact.Of(record, source) ?? throw new ArgumentException("not a panel fact", nameof(record)));
        return this;
    }

    public PanelScenario Declaration(YearMonth first, YearMonth last, decimal due, Siret? siret = null) =>
        Add(new ContributionDeclaration(Key(), siret ?? HeadOffice, "ACC1", new MonthRange(first, last), due, null));

    public PanelScenario DebtStep(string line, YearMonth period, int history, DateOnly processedOn, decimal employee, decimal employer, Siret? siret = null) =>
        Add(new ContributionDebtStep(Key(), "ACC1", Company, siret ?? HeadOffice, new MonthRange(period, period), line, history, processedOn,
            employee, employer, 1, "", "", "", false));

    public PanelScenario CompanyHeadcount(YearMonth month, int headcount) =>
        Add(new CompanyHeadcount(Key(), Company, month, headcount));

    public PanelScenario EstablishmentHeadcount(Siret siret, YearMonth month, int headcount) =>
        Add(new EstablishmentHeadcount(Key(), siret, month, headcount));

    public PanelScenario ShortTimeWorkAuthorised(DateOnly from, DateOnly to, decimal hours, DateOnly? statusDate, ShortTimeWorkReason reason = ShortTimeWorkReason.EconomicConditions) =>
        Add(new ShortTimeWorkRequest(Key(), $"DA{_key}", HeadOffice, from, to, hours, null, null, reason, null, null, statusDate, null, null, null, null, null), DataSource.Dgefp);

    public PanelScenario ShortTimeWorkUsed(YearMonth month, decimal hours) =>
        Add(new ShortTimeWorkConsumption(Key(), "DA", HeadOffice, month, hours, null, null), DataSource.Dgefp);

    public PanelScenario BanqueDeFrance(DateOnly fiscalYearEnd, decimal marginRate) =>
        Add(new FinancialStatement(Key(), Company, fiscalYearEnd, 12, new Dictionary<string, decimal?> { ["bdfMarginRate"] = marginRate }), DataSource.BanqueDeFrance);

    public PanelScenario Proceeding(DateOnly effectiveOn, ProceedingNature nature, string stage) =>
        Add(new InsolvencyProceeding(Key(), Company, HeadOffice, effectiveOn, nature, stage, null));

    public PanelScenario Paydex(DateOnly valueDate, decimal days, decimal over30, decimal over90) =>
        Add(new SupplierPaymentDelay(Key(), Company, valueDate, days, null, 10, null, null, over30, over90), DataSource.Altares);

    public PanelScenario Plan(DateOnly grantedOn, DateOnly dueOn, decimal amount) =>
        Add(new PaymentPlan(Key(), HeadOffice, "ACC1", grantedOn, dueOn, dueOn.DayNumber - grantedOn.DayNumber, amount, null, null));

    public IReadOnlyList<Fact> Facts => _facts;

    public CompanyPanel Compute() => new PanelCalculator(Settings).Compute(CompanyFacts.Build(Company, _facts));

    /// <summary>The company's value of <paramref name="name"/> at <paramref name="month"/>; null when missing.</summary>
    public double? Value(string month, string name) => Value(Compute(), month, name);

    public static double? Value(CompanyPanel panel, string month, string name, Siret? siret = null)
    {
        var schema = siret is null ? (panel.CompanyRows.FirstOrDefault()?.Values.Length == PanelSchema.CompanyWithOutcome.Values.Count ? PanelSchema.CompanyWithOutcome : PanelSchema.Company) : PanelSchema.Establishment;
        var index = schema.IndexOf(name);
        if (index < 0) throw new ArgumentException($"no column {name}", nameof(name));
        var rows = siret is null ? panel.CompanyRows : panel.EstablishmentRows.Where(r => r.Siret == siret);
        var row = rows.Single(r => r.Month == YearMonth.Parse(month));
        return double.IsNaN(row.Values[index]) ? null : row.Values[index];
    }
}
