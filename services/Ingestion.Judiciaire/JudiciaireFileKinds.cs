using System.Text.RegularExpressions;
using SignauxFaibles.Contracts.Groups;
using SignauxFaibles.Contracts.Judiciaire;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Judiciaire.Altares;
using SignauxFaibles.Ingestion.Judiciaire.Ellisphere;
using SignauxFaibles.Ingestion.Judiciaire.Paydex;

namespace SignauxFaibles.Ingestion.Judiciaire;

/// <summary>The legal-event, payment-behaviour and group-structure files this service reads, with their name patterns.</summary>
public static partial class JudiciaireFileKinds
{
    public static readonly IFileKind Altares = new FileKind<LegalAnnouncement, LegalAnnouncementRecorded>(
        "altares", DataSource.Altares, AltaresName(), new AltaresParser(), (p, r) => new LegalAnnouncementRecorded(p, r));

    public static readonly IFileKind Paydex = new FileKind<SupplierPaymentDelay, SupplierPaymentDelayReported>(
        "paydex", DataSource.Altares, PaydexName(), new PaydexParser(), (p, r) => new SupplierPaymentDelayReported(p, r));

    public static readonly IFileKind Ellisphere = new FileKind<GroupOwnership, GroupOwnershipReported>(
        "ellisphere", DataSource.Ellisphere, EllisphereName(), new EllisphereParser(), (p, r) => new GroupOwnershipReported(p, r));

    public static IReadOnlyList<IFileKind> All { get; } = [Altares, Paydex, Ellisphere];

    [GeneratedRegex(@"altares.*\.(csv|txt)(\.gz|\.zip)?$", RegexOptions.IgnoreCase)]
    private static partial Regex AltaresName();

    [GeneratedRegex(@"paydex.*\.(csv|txt)(\.gz|\.zip)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PaydexName();

    [GeneratedRegex(@"ellisphere.*\.(xlsx|excel|csv|txt)(\.gz|\.zip)?$", RegexOptions.IgnoreCase)]
    private static partial Regex EllisphereName();
}
