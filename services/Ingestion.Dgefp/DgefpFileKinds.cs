using System.Text.RegularExpressions;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Contracts.ShortTimeWork;
using SignauxFaibles.Ingestion.Dgefp.Conso;
using SignauxFaibles.Ingestion.Dgefp.Demande;
using SignauxFaibles.Ingestion.FileKinds;

namespace SignauxFaibles.Ingestion.Dgefp;

/// <summary>
/// The DGEFP short-time work files, delivered as CSV or as the original xlsx (any extension: the
/// content tells a workbook from text), with the name patterns of their deliveries.
/// </summary>
public static partial class DgefpFileKinds
{
    public static readonly IFileKind Demande = new FileKind<ShortTimeWorkRequest, ShortTimeWorkRequested>(
        "dgefp-demande", DataSource.Dgefp, DemandeName(), new DemandeParser(), (p, r) => new ShortTimeWorkRequested(p, r));

    public static readonly IFileKind Conso = new FileKind<ShortTimeWorkConsumption, ShortTimeWorkConsumed>(
        "dgefp-conso", DataSource.Dgefp, ConsoName(), new ConsoParser(), (p, r) => new ShortTimeWorkConsumed(p, r));

    public static IReadOnlyList<IFileKind> All { get; } = [Demande, Conso];

    [GeneratedRegex(@"(demande_ap|ap_?demande).*\.(csv|txt|xlsx|excelsheet)(\.gz|\.zip)?$", RegexOptions.IgnoreCase)]
    private static partial Regex DemandeName();

    [GeneratedRegex(@"(consommation_ap|ap_?conso).*\.(csv|txt|xlsx|excelsheet)(\.gz|\.zip)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ConsoName();
}
