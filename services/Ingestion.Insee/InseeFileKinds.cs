using System.Text.RegularExpressions;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Insee.Etablissement;
using SignauxFaibles.Ingestion.Insee.Historique;
using SignauxFaibles.Ingestion.Insee.UniteLegale;

namespace SignauxFaibles.Ingestion.Insee;

/// <summary>
/// The Sirene files this service reads. They are national stocks delivered again every month, so
/// each kind publishes only what is new or changed since the service last saw it.
/// </summary>
public static partial class InseeFileKinds
{
    public static readonly IFileKind Etablissement = new ChangeTrackedFileKind<EstablishmentRegistration, EstablishmentRegistered, EstablishmentChanged>(
        "sirene-etablissement", DataSource.Insee, EtablissementName(), new EtablissementParser(),
        (p, r) => new EstablishmentRegistered(p, r), (p, r) => new EstablishmentChanged(p, r));

    public static readonly IFileKind UniteLegale = new ChangeTrackedFileKind<CompanyRegistration, CompanyRegistered, CompanyChanged>(
        "sirene-ul", DataSource.Insee, UniteLegaleName(), new UniteLegaleParser(),
        (p, r) => new CompanyRegistered(p, r), (p, r) => new CompanyChanged(p, r));

    /// <summary>History periods: a new or corrected period is the same fact for consumers.</summary>
    public static readonly IFileKind Historique = new ChangeTrackedFileKind<EstablishmentPeriod, EstablishmentPeriodsRecorded, EstablishmentPeriodsRecorded>(
        "sirene-historique", DataSource.Insee, HistoriqueName(), new HistoriqueParser(),
        (p, r) => new EstablishmentPeriodsRecorded(p, r), (p, r) => new EstablishmentPeriodsRecorded(p, r));

    public static IReadOnlyList<IFileKind> All { get; } = [Etablissement, UniteLegale, Historique];

    // INSEE names: StockEtablissement_utf8.zip, StockEtablissement_utf8_geo.csv.gz (geocoded),
    // StockEtablissementHistorique_utf8.zip, StockUniteLegale_utf8.zip; the reference samples:
    // sireneTestData.csv, sireneULTestData.csv.
    [GeneratedRegex(@"^(?!.*(historique|histo|unitelegale|sirene_?ul|liens)).*(stocketablissement|sirene).*\.(csv(\.gz|\.zip)?|zip|gz)$", RegexOptions.IgnoreCase)]
    private static partial Regex EtablissementName();

    [GeneratedRegex(@"^(?!.*(historique|histo)).*(stockunitelegale|sirene_?ul).*\.(csv(\.gz|\.zip)?|zip|gz)$", RegexOptions.IgnoreCase)]
    private static partial Regex UniteLegaleName();

    [GeneratedRegex(@"^(?!.*unitelegale).*(stocketablissementhistorique|sirene.*histo).*\.(csv(\.gz|\.zip)?|zip|gz)$", RegexOptions.IgnoreCase)]
    private static partial Regex HistoriqueName();
}
