using SignauxFaibles.Contracts.Finance;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Judiciaire;
using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.Contracts.ShortTimeWork;
using SignauxFaibles.Contracts.Urssaf;

namespace SignauxFaibles.Indicators.Facts;

/// <summary>
/// Everything known about one company, one list per kind, each sorted by record key so that
/// the panel does not depend on the order facts arrived in. A fact delivered again under the
/// same key replaces the earlier one (a corrected registry row); use <see cref="Build"/>.
/// </summary>
public sealed class CompanyFacts
{
    private CompanyFacts(Siren siren) => Siren = siren;

    public Siren Siren { get; }
    public IReadOnlyList<ContributionDebtStep> DebtSteps { get; private set; } = [];
    public IReadOnlyList<ContributionDeclaration> Contributions { get; private set; } = [];
    public IReadOnlyList<PaymentPlan> PaymentPlans { get; private set; } = [];
    public IReadOnlyList<CcsfPlanStep> CcsfSteps { get; private set; } = [];
    public IReadOnlyList<EstablishmentHeadcount> EstablishmentHeadcounts { get; private set; } = [];
    public IReadOnlyList<CompanyHeadcount> CompanyHeadcounts { get; private set; } = [];
    public IReadOnlyList<ShortTimeWorkRequest> ShortTimeWorkRequests { get; private set; } = [];
    public IReadOnlyList<ShortTimeWorkConsumption> ShortTimeWorkConsumptions { get; private set; } = [];
    public IReadOnlyList<FinancialStatement> BanqueDeFranceRatios { get; private set; } = [];
    public IReadOnlyList<FinancialStatement> DianeStatements { get; private set; } = [];
    public IReadOnlyList<FinancialStatement> DgfipStatements { get; private set; } = [];
    public IReadOnlyList<SupplierPaymentDelay> PaymentDelays { get; private set; } = [];
    public IReadOnlyList<InsolvencyProceeding> Proceedings { get; private set; } = [];
    public CompanyRegistration? Registration { get; private set; }
    public IReadOnlyList<EstablishmentRegistration> Establishments { get; private set; } = [];

    /// <summary>Gathers a company's facts (in delivery order: the last one under a key wins).</summary>
    public static CompanyFacts Build(Siren siren, IEnumerable<Fact> facts)
    {
        var byKind = new Dictionary<FactKind, Dictionary<string, Fact>>();
        foreach (var fact in facts)
        {
            if (fact.Siren != siren) throw new ArgumentException($"fact {fact.Record.RecordKey} belongs to {fact.Siren}, not {siren}", nameof(facts));
            if (!byKind.TryGetValue(fact.Kind, out var keyed)) byKind[fact.Kind] = keyed = new Dictionary<string, Fact>(StringComparer.Ordinal);
            keyed[fact.Record.RecordKey] = fact;
        }

        List<T> Of<T>(FactKind kind) => byKind.TryGetValue(kind, out var keyed)
            ? keyed.Values.OrderBy(f => f.Record.RecordKey, StringComparer.Ordinal).Select(f => (T)f.Record).ToList()
            : [];

        return new CompanyFacts(siren)
        {
            DebtSteps = Of<ContributionDebtStep>(FactKind.ContributionDebtStep),
            Contributions = Of<ContributionDeclaration>(FactKind.ContributionDeclaration),
            PaymentPlans = Of<PaymentPlan>(FactKind.PaymentPlan),
            CcsfSteps = Of<CcsfPlanStep>(FactKind.CcsfPlanStep),
            EstablishmentHeadcounts = Of<EstablishmentHeadcount>(FactKind.EstablishmentHeadcount),
            CompanyHeadcounts = Of<CompanyHeadcount>(FactKind.CompanyHeadcount),
            ShortTimeWorkRequests = Of<ShortTimeWorkRequest>(FactKind.ShortTimeWorkRequest),
            ShortTimeWorkConsumptions = Of<ShortTimeWorkConsumption>(FactKind.ShortTimeWorkConsumption),
            BanqueDeFranceRatios = Of<FinancialStatement>(FactKind.BanqueDeFranceRatios),
            DianeStatements = Of<FinancialStatement>(FactKind.DianeStatement),
            DgfipStatements = Of<FinancialStatement>(FactKind.DgfipStatement),
            PaymentDelays = Of<SupplierPaymentDelay>(FactKind.SupplierPaymentDelay),
            Proceedings = Of<InsolvencyProceeding>(FactKind.InsolvencyProceeding),
            Registration = Of<CompanyRegistration>(FactKind.CompanyRegistration).LastOrDefault(),
            Establishments = Of<EstablishmentRegistration>(FactKind.EstablishmentRegistration),
        };
    }

    /// <summary>Every establishment the facts name, registered or not, in SIRET order.</summary>
    public IReadOnlyList<Siret> KnownEstablishments()
    {
        var sirets = new SortedSet<Siret>();
        foreach (var e in Establishments) sirets.Add(e.Siret);
        foreach (var h in EstablishmentHeadcounts) sirets.Add(h.Siret);
        foreach (var c in Contributions) if (c.Siret is { } s) sirets.Add(s);
        foreach (var d in DebtSteps) if (d.Siret is { } s) sirets.Add(s);
        foreach (var r in ShortTimeWorkRequests) sirets.Add(r.Siret);
        foreach (var c in ShortTimeWorkConsumptions) sirets.Add(c.Siret);
        foreach (var p in PaymentPlans) if (p.Siret is { } s) sirets.Add(s);
        return [.. sirets];
    }
}
