using SignauxFaibles.Contracts.Finance;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Judiciaire;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.Contracts.ShortTimeWork;
using SignauxFaibles.Contracts.Urssaf;

namespace SignauxFaibles.Indicators.Facts;

/// <summary>A source record the panel reads, with the company it belongs to.</summary>
public sealed record Fact(FactKind Kind, Siren Siren, ISourceRecord Record)
{
    /// <summary>
    /// The day the platform learnt the fact (its delivery or push), when recorded; otherwise the
    /// source's documented delay gives it (<see cref="KnowledgeDates"/>).
    /// </summary>
    public DateOnly? KnownOn { get; init; }

    /// <summary>
    /// The fact a record stands for, or null when the panel does not read it or it names no
    /// company yet (an URSSAF record whose account is not resolved to an establishment).
    /// </summary>
    public static Fact? Of(ISourceRecord record, DataSource source)
    {
        (FactKind Kind, Siren? Siren)? fact = record switch
        {
            ContributionDebtStep r => (FactKind.ContributionDebtStep, r.Siren),
            ContributionDeclaration r => (FactKind.ContributionDeclaration, r.Siret?.Siren),
            PaymentPlan r => (FactKind.PaymentPlan, r.Siret?.Siren),
            CcsfPlanStep r => (FactKind.CcsfPlanStep, r.Siret?.Siren),
            EstablishmentHeadcount r => (FactKind.EstablishmentHeadcount, r.Siret.Siren),
            CompanyHeadcount r => (FactKind.CompanyHeadcount, r.Siren),
            ShortTimeWorkRequest r => (FactKind.ShortTimeWorkRequest, r.Siret.Siren),
            ShortTimeWorkConsumption r => (FactKind.ShortTimeWorkConsumption, r.Siret.Siren),
            FinancialStatement r => (StatementKind(source), r.Siren),
            SupplierPaymentDelay r => (FactKind.SupplierPaymentDelay, r.Siren),
            InsolvencyProceeding r => (FactKind.InsolvencyProceeding, r.Siren),
            CompanyRegistration r => (FactKind.CompanyRegistration, r.Siren),
            EstablishmentRegistration r => (FactKind.EstablishmentRegistration, r.Siret.Siren),
            _ => null,
        };
        return fact is { Siren: { } siren } f ? new Fact(f.Kind, siren, record) : null;
    }

    private static FactKind StatementKind(DataSource source) => source switch
    {
        DataSource.BanqueDeFrance => FactKind.BanqueDeFranceRatios,
        DataSource.Diane => FactKind.DianeStatement,
        DataSource.Dgfip => FactKind.DgfipStatement,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "financial statements come from Banque de France, Diane or the DGFiP"),
    };
}
