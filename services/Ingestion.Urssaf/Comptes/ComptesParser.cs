using System.Globalization;
using SignauxFaibles.Ingestion.Parsing;
using SignauxFaibles.Ingestion.Urssaf.Conventions;

namespace SignauxFaibles.Ingestion.Urssaf.Comptes;

/// <summary>
/// The account → SIRET map: each line is one <see cref="AccountSiretLink"/> with its validity dates.
/// Every link is kept, ended ones included: which SIRET an account had at a given date is decided
/// from the dates when the map is used, not by dropping links at intake against some batch date.
/// </summary>
public sealed class ComptesParser : UrssafParser
{
    private const string DateReason = "not an URSSAF date (AAMMJJ)";

    protected override IReadOnlyList<string> RequiredColumns => ComptesLayout.Required;

    protected override IReadOnlyList<string> ExpectedColumns => ComptesLayout.Current;


    protected override ParsedLine ParseFields(string[] fields, ColumnMap columns, string fileName, long line)
    {
        var cursor = new FieldCursor(fields, columns, fileName, line);
        var account = cursor.Required(ComptesLayout.Account);
        var siren = cursor.Parse(ComptesLayout.Siren, UrssafFields.Siren, "not a SIREN (9 digits)");
        var siret = cursor.Parse(ComptesLayout.Siret, UrssafFields.Siret, "not a SIRET (14 digits)");
        var from = cursor.OptionalValue(ComptesLayout.CreatedOn, UrssafFields.Date, DateReason);
        var until = cursor.OptionalValue(ComptesLayout.DisposedOn, UrssafFields.Date, DateReason);
        // A link is only usable if its two identifiers agree and its period is not reversed.
        if (cursor.Reject is null && siret.Siren != siren)
            cursor.Fail(ComptesLayout.Siret, siret.Value, $"SIRET is not an establishment of SIREN {siren.Value}");
        if (cursor.Reject is null && until < from)
            cursor.Fail(ComptesLayout.DisposedOn, fields[columns[ComptesLayout.DisposedOn]], $"{ComptesLayout.DisposedOn} is before {ComptesLayout.CreatedOn}");
        if (cursor.Reject is { } reject) return ParsedLine.Rejected(reject);

        var start = from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";
        return ParsedLine.Accepted(line, new AccountSiretLink(
            $"compte-siret:{account}:{siret.Value}:{start}", account!, siren, siret, from, until,
            cursor.Optional(ComptesLayout.AccountState)));
    }
}
