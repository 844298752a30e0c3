using System.Text.RegularExpressions;
using SignauxFaibles.Contracts.Finance;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Finance.BanqueDeFrance;
using SignauxFaibles.Ingestion.Finance.Diane;
using SignauxFaibles.Ingestion.Finance.Dgfip;

namespace SignauxFaibles.Ingestion.Finance;

/// <summary>
/// The finance files this service reads. All three publish the same <see cref="FinancialStatementFiled"/>;
/// the provenance's source tells them apart.
/// </summary>
public static partial class FinanceFileKinds
{
    public static readonly IFileKind Bdf = new FileKind<FinancialStatement, FinancialStatementFiled>(
        "bdf", DataSource.BanqueDeFrance, BdfName(), new BdfParser(), (p, r) => new FinancialStatementFiled(p, r));

    public static readonly IFileKind Diane = new FileKind<FinancialStatement, FinancialStatementFiled>(
        "diane", DataSource.Diane, DianeName(), new DianeParser(), (p, r) => new FinancialStatementFiled(p, r));

    public static readonly IFileKind Dgfip = new FileKind<FinancialStatement, FinancialStatementFiled>(
        "dgfip", DataSource.Dgfip, DgfipName(), new DgfipParser(), (p, r) => new FinancialStatementFiled(p, r));

    public static IReadOnlyList<IFileKind> All { get; } = [Bdf, Diane, Dgfip];

    [GeneratedRegex(@"(bdf|banque_de_france|banquedefrance).*\.(csv|txt)(\.gz|\.zip)?$", RegexOptions.IgnoreCase)]
    private static partial Regex BdfName();

    // Bureau van Dijk names its exports "…Diane_Export…".
    [GeneratedRegex(@"diane.*\.(csv|txt)(\.gz|\.zip)?$", RegexOptions.IgnoreCase)]
    private static partial Regex DianeName();

    [GeneratedRegex(@"(dgfip|liasse).*\.(csv|txt)(\.gz|\.zip)?$", RegexOptions.IgnoreCase)]
    private static partial Regex DgfipName();
}
