using System.Globalization;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Urssaf;
using SignauxFaibles.Ingestion.Parsing;
using SignauxFaibles.Ingestion.Urssaf.Conventions;

namespace SignauxFaibles.Ingestion.Urssaf.Debit;

/// <summary>
/// The débit file: each line is one step of a debt line's history (<see cref="ContributionDebtStep"/>).
/// Amounts arrive in cents. Older deliveries have no Siret column.
/// </summary>
public sealed class DebitParser : UrssafParser
{
    protected override IReadOnlyList<string> RequiredColumns => DebitLayout.Required;

    protected override IReadOnlyList<string> ExpectedColumns => DebitLayout.Current;


    protected override ParsedLine ParseFields(string[] fields, ColumnMap columns, string fileName, long line)
    {
        var cursor = new FieldCursor(fields, columns, fileName, line);
        var account = cursor.Required(DebitLayout.Account);
        var siren = cursor.Parse(DebitLayout.Siren, UrssafFields.Siren, "not a SIREN (9 digits)");
        var siret = cursor.OptionalValue(DebitLayout.Siret, UrssafFields.Siret, "not a SIRET (14 digits)");
        var period = cursor.ParseObject(DebitLayout.Period, UrssafFields.Period, "not an URSSAF period (AAAAQM or AAQM)");
        var debtLine = cursor.Required(DebitLayout.DebtLine);
        var history = cursor.Parse(DebitLayout.History, UrssafFields.Integer, "not an integer");
        var processedOn = cursor.Parse(DebitLayout.ProcessedOn, UrssafFields.Date, "not an URSSAF date (AAMMJJ)");
        var employee = cursor.Parse(DebitLayout.EmployeeShare, UrssafFields.Cents, "not an amount in cents");
        var employer = cursor.Parse(DebitLayout.EmployerShare, UrssafFields.Cents, "not an amount in cents");
        var state = cursor.Parse(DebitLayout.AccountState, UrssafFields.Integer, "not an integer");
        var appeal = cursor.Parse(DebitLayout.Appeal, v => v switch { "0" or "" => false, "1" => true, _ => (bool?)null }, "0 or 1 expected");
        if (cursor.Reject is { } reject) return ParsedLine.Rejected(reject);

        var key = $"debit:{account}:{fields[columns[DebitLayout.Period]]}:{debtLine}:{history.ToString(CultureInfo.InvariantCulture)}";
        return ParsedLine.Accepted(line, new ContributionDebtStep(
            key, account!, siren, siret, period!, debtLine!, history, processedOn, employee, employer, state,
            cursor.Optional(DebitLayout.ProceedingCode) ?? "0",
            cursor.Optional(DebitLayout.Operation) ?? string.Empty,
            cursor.Optional(DebitLayout.Reason) ?? string.Empty,
            appeal));
    }
}
