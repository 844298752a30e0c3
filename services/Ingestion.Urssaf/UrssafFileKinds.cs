using System.Text.RegularExpressions;
using SignauxFaibles.Contracts.Judiciaire;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Contracts.Urssaf;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Urssaf.Ccsf;
using SignauxFaibles.Ingestion.Urssaf.Comptes;
using SignauxFaibles.Ingestion.Urssaf.Cotisation;
using SignauxFaibles.Ingestion.Urssaf.Debit;
using SignauxFaibles.Ingestion.Urssaf.Delai;
using SignauxFaibles.Ingestion.Urssaf.Effectif;
using SignauxFaibles.Ingestion.Urssaf.EffectifEntreprise;
using SignauxFaibles.Ingestion.Urssaf.Procol;

namespace SignauxFaibles.Ingestion.Urssaf;

/// <summary>The URSSAF files this service reads, with the name patterns of their deliveries (see sources.md).</summary>
public static partial class UrssafFileKinds
{
    public static readonly IFileKind Debit = new FileKind<ContributionDebtStep, ContributionDebtRecorded>(
        "urssaf-debit", DataSource.Urssaf, DebitName(), new DebitParser(), (p, r) => new ContributionDebtRecorded(p, r));

    public static readonly IFileKind Cotisation = new FileKind<ContributionDeclaration, ContributionsDeclared>(
        "urssaf-cotisation", DataSource.Urssaf, CotisationName(), new CotisationParser(), (p, r) => new ContributionsDeclared(p, r));

    public static readonly IFileKind Delai = new FileKind<PaymentPlan, PaymentPlanGranted>(
        "urssaf-delai", DataSource.Urssaf, DelaiName(), new DelaiParser(), (p, r) => new PaymentPlanGranted(p, r));

    public static readonly IFileKind Ccsf = new FileKind<CcsfPlanStep, CcsfPlanStepRecorded>(
        "urssaf-ccsf", DataSource.Urssaf, CcsfName(), new CcsfParser(), (p, r) => new CcsfPlanStepRecorded(p, r));

    public static readonly IFileKind Procol = new FileKind<InsolvencyProceeding, InsolvencyProceedingRecorded>(
        "urssaf-procol", DataSource.Urssaf, ProcolName(), new ProcolParser(), (p, r) => new InsolvencyProceedingRecorded(p, r));

    public static readonly IFileKind Effectif = new FileKind<EstablishmentHeadcount, EstablishmentHeadcountReported>(
        "urssaf-effectif", DataSource.Urssaf, EffectifName(), new EffectifParser(), (p, r) => new EstablishmentHeadcountReported(p, r));

    public static readonly IFileKind EffectifEntreprise = new FileKind<CompanyHeadcount, CompanyHeadcountReported>(
        "urssaf-effectif-ent", DataSource.Urssaf, EffectifEntrepriseName(), new EffectifEntrepriseParser(), (p, r) => new CompanyHeadcountReported(p, r));

    /// <summary>The account → SIRET map: kept by the service to resolve files that name only an account.</summary>
    public static readonly IFileKind Comptes = new ReferenceFileKind<AccountSiretLink>(
        "urssaf-comptes", DataSource.Urssaf, ComptesName(), new ComptesParser());

    public static IReadOnlyList<IFileKind> All { get; } = [Debit, Cotisation, Delai, Ccsf, Procol, Effectif, EffectifEntreprise, Comptes];

    [GeneratedRegex(@"(sigfaible_debits|debit).*\.(csv|txt)(\.gz|\.zip)?$", RegexOptions.IgnoreCase)]
    private static partial Regex DebitName();

    [GeneratedRegex(@"(sigfaible_cotisdues|cotisation).*\.(csv|txt)(\.gz|\.zip)?$", RegexOptions.IgnoreCase)]
    private static partial Regex CotisationName();

    [GeneratedRegex(@"(sigfaible_delais|delai).*\.(csv|txt)(\.gz|\.zip)?$", RegexOptions.IgnoreCase)]
    private static partial Regex DelaiName();

    [GeneratedRegex(@"(sigfaible_ccsf|ccsf).*\.(csv|txt)(\.gz|\.zip)?$", RegexOptions.IgnoreCase)]
    private static partial Regex CcsfName();

    [GeneratedRegex(@"(sigfaible_pcoll|procol).*\.(csv|txt)(\.gz|\.zip)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ProcolName();

    // Establishment files: "*effectif_*" but not the company file "sigfaible_effectif_siren*".
    [GeneratedRegex(@"^(?!.*(effectif_siren|minimal_effectif)).*(effectif_|effectifTestData).*\.(csv|txt)(\.gz|\.zip)?$", RegexOptions.IgnoreCase)]
    private static partial Regex EffectifName();

    [GeneratedRegex(@"(sigfaible_effectif_siren|effectifEnt|minimal_effectif).*\.(csv|txt)(\.gz|\.zip)?$", RegexOptions.IgnoreCase)]
    private static partial Regex EffectifEntrepriseName();

    [GeneratedRegex(@"(admin_comptes|sigfaible_comptes|comptes).*\.(csv|txt)(\.gz|\.zip)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ComptesName();
}
