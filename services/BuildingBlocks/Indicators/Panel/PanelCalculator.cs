using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.Indicators.Company;
using SignauxFaibles.Indicators.Employment;
using SignauxFaibles.Indicators.Facts;
using SignauxFaibles.Indicators.Finance;
using SignauxFaibles.Indicators.Urssaf;

namespace SignauxFaibles.Indicators.Panel;

/// <summary>
/// Computes a company's whole panel from its facts. Deterministic: the same facts and settings
/// give the same rows whatever the order the facts arrived in — which is what lets the service's
/// incremental updates and the offline build agree exactly.
/// </summary>
public sealed class PanelCalculator(PanelSettings settings)
{
    private const string CompanyHeadcount = "_headcount";

    public PanelSettings Settings { get; } = settings;

    public PanelSchema CompanySchema { get; } = settings.IncludeOutcome ? PanelSchema.CompanyWithOutcome : PanelSchema.Company;

    public CompanyPanel Compute(CompanyFacts facts)
    {
        var first = Settings.From.AddMonths(-PanelSettings.LookbackMonths);
        var establishments = ComputeEstablishments(facts, first);

        var frame = new MonthFrame(first, Settings.To);
        Profile.Compute(frame, facts);
        Headcount.Compute(frame, "effectif_ent", facts.CompanyHeadcounts.Select(h => (h.Month, h.Headcount)), Settings.HeadcountCarryForwardMonths);
        Headcount.Sum(frame, establishments.Select(e => e.Frame), "effectif", "effectif");
        var headcount = frame.Column(CompanyHeadcount);
        var company = frame.Column("effectif_ent");
        var summed = frame.Column("effectif");
        for (var i = 0; i < frame.Count; i++) headcount[i] = double.IsNaN(company[i]) ? summed[i] : company[i];

        var urssaf = new UrssafScope(facts.Contributions, facts.DebtSteps, facts.PaymentPlans, facts.CcsfSteps);
        ContributionDebt.Compute(frame, urssaf);
        DebtRatios.Compute(frame, CompanyHeadcount);
        PaymentPlans.Compute(frame, urssaf);
        ShortTimeWork.Compute(frame, facts.ShortTimeWorkRequests, facts.ShortTimeWorkConsumptions, CompanyHeadcount);
        Financials.Compute(frame, facts, Settings);
        Paydex.Compute(frame, facts.PaymentDelays, Settings.PaydexValidityMonths);
        Proceedings.Compute(frame, facts.Proceedings);
        Perimeter.Compute(frame, facts, Settings.Perimeter, CompanyHeadcount);
        PositiveDynamics.Compute(frame, CompanyHeadcount);
        if (Settings.IncludeOutcome) Proceedings.Outcome(frame, facts.Proceedings, Settings.OutcomeHorizonMonths, Settings.To);

        var companyRows = Rows(frame, CompanySchema, facts.Siren, null, facts.Registration?.CreatedOn);
        var establishmentRows = establishments
            .SelectMany(e => Rows(e.Frame, PanelSchema.Establishment, facts.Siren, e.Siret, e.Registration?.CreatedOn))
            .ToList();
        return new CompanyPanel(facts.Siren, companyRows, establishmentRows);
    }

    private List<(Siret Siret, EstablishmentRegistration? Registration, MonthFrame Frame)> ComputeEstablishments(CompanyFacts facts, YearMonth first)
    {
        var contributions = facts.Contributions.ToLookup(c => c.Siret);
        var debts = facts.DebtSteps.ToLookup(d => d.Siret);
        var plans = facts.PaymentPlans.ToLookup(p => p.Siret);
        var ccsf = facts.CcsfSteps.ToLookup(s => s.Siret);
        var headcounts = facts.EstablishmentHeadcounts.ToLookup(h => h.Siret);
        var requests = facts.ShortTimeWorkRequests.ToLookup(r => r.Siret);
        var consumptions = facts.ShortTimeWorkConsumptions.ToLookup(c => c.Siret);
        var registrations = facts.Establishments.ToDictionary(e => e.Siret);
        var headOfficeNic = facts.Registration?.HeadOfficeNic;

        var result = new List<(Siret, EstablishmentRegistration?, MonthFrame)>();
        foreach (var siret in facts.KnownEstablishments())
        {
            var frame = new MonthFrame(first, Settings.To);
            registrations.TryGetValue(siret, out var registration);
            Headcount.Compute(frame, "effectif", headcounts[siret].Select(h => (h.Month, h.Headcount)), Settings.HeadcountCarryForwardMonths);
            var scope = new UrssafScope([.. contributions[siret]], [.. debts[siret]], [.. plans[siret]], [.. ccsf[siret]]);
            ContributionDebt.Compute(frame, scope);
            DebtRatios.Compute(frame, "effectif");
            PaymentPlans.Compute(frame, scope);
            ShortTimeWork.Compute(frame, [.. requests[siret]], [.. consumptions[siret]], "effectif");
            Array.Fill(frame.Column("siege"), MonthFrame.Flag(registration?.HeadOffice == true || siret.Nic == headOfficeNic));
            Profile.WriteActivity(frame, registration?.ActivityNomenclature is null or "NAFRev2" ? registration?.ActivityCode : null);
            frame.Labels["departement"] = registration?.Departement;
            frame.Labels["region"] = registration?.Region;
            result.Add((siret, registration, frame));
        }
        return result;
    }

    /// <summary>The frame's months from the panel's start (or the creation, if later) to its end, in schema order.</summary>
    private List<PanelRow> Rows(MonthFrame frame, PanelSchema schema, Siren siren, Siret? siret, DateOnly? createdOn)
    {
        var start = Settings.From;
        if (createdOn is { } created && YearMonth.Of(created) > start) start = YearMonth.Of(created);
        var columns = schema.Values.Select(name => frame.Find(name)).ToArray();
        var labels = schema.Labels.Select(name => frame.Labels.GetValueOrDefault(name)).ToArray();
        var rows = new List<PanelRow>(Math.Max(0, Settings.To.MonthsSince(start) + 1));
        for (var i = frame.IndexOf(start); i < frame.Count; i++)
        {
            var values = new double[columns.Length];
            for (var c = 0; c < columns.Length; c++) values[c] = columns[c] is { } column ? column[i] : double.NaN;
            rows.Add(new PanelRow(siren, siret, frame.MonthAt(i), values, labels));
        }
        return rows;
    }
}
