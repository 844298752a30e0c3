using System.Text.RegularExpressions;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Contracts.Urssaf;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Urssaf.Debit;

namespace SignauxFaibles.Ingestion.Urssaf;

/// <summary>The URSSAF files this service reads, with the name patterns of their deliveries.</summary>
public static partial class UrssafFileKinds
{
    public static readonly IFileKind Debit = new FileKind<ContributionDebtStep, ContributionDebtRecorded>(
        "urssaf-debit", DataSource.Urssaf, DebitName(), new DebitParser(), (p, r) => new ContributionDebtRecorded(p, r));

    public static IReadOnlyList<IFileKind> All { get; } = [Debit];

    [GeneratedRegex(@"(sigfaible_debits|debit).*\.(csv|txt)(\.gz|\.zip)?$", RegexOptions.IgnoreCase)]
    private static partial Regex DebitName();
}
