using System.Globalization;
using SignauxFaibles.Contracts.Urssaf;
using SignauxFaibles.Ingestion.Parsing;
using SignauxFaibles.Ingestion.Urssaf.Conventions;

namespace SignauxFaibles.Ingestion.Urssaf.Delai;

/// <summary>
/// The délai file: a payment plan granted on a debt (<see cref="PaymentPlan"/>). Unlike the other
/// URSSAF files its dates are dd/MM/yyyy; the amount is euros with a decimal point or comma. In the
/// account-only layout (no <c>Siret</c> column) the plan names its account alone and is completed
/// by the account map, as débit, CCSF and cotisation records are.
/// </summary>
public sealed class DelaiParser : UrssafParser
{
    protected override IReadOnlyList<string> RequiredColumns => DelaiLayout.Required;

    protected override IReadOnlyList<string> ExpectedColumns => DelaiLayout.Current;


    protected override ParsedLine ParseFields(string[] fields, ColumnMap columns, string fileName, long line)
    {
        var cursor = new FieldCursor(fields, columns, fileName, line);
        var account = cursor.Required(DelaiLayout.Account);
        // Absent from the account-only layout: the account map completes the record.
        var siret = cursor.OptionalValue(DelaiLayout.Siret, UrssafFields.Siret, "not a SIRET (14 digits)");
        // Required because it tells two plans of one account apart in the record key.
        var caseNumber = cursor.Required(DelaiLayout.CaseNumber);
        var grantedOn = cursor.Parse(DelaiLayout.CreatedOn, Date, "not a date (dd/MM/yyyy)");
        var dueOn = cursor.Parse(DelaiLayout.DueOn, Date, "not a date (dd/MM/yyyy)");
        var duration = cursor.Parse(DelaiLayout.Duration, UrssafFields.Integer, "not a number of days");
        var amount = cursor.OptionalValue(DelaiLayout.Amount, UrssafFields.Euros, "not an amount in euros");
        // Kept as delivered, not range-checked: the reference accepts any integer here; anything else is left empty with a warning.
        var creationYear = cursor.Lenient(DelaiLayout.CreationYear, UrssafFields.Integer, "not an integer");
        if (cursor.Reject is { } reject) return ParsedLine.Rejected(reject);

        // A plan is identified by its account and case (Numero_structure); the creation date is
        // part of the key so that a new plan granted later on the same case is a new fact, while
        // a re-delivery of the same plan (even with a later stage) keeps its key.
        var key = $"delai:{account}:{caseNumber}:{grantedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        return ParsedLine.Accepted(line, new PaymentPlan(
            key, siret, account!, grantedOn, dueOn, duration, amount,
            cursor.Optional(DelaiLayout.Stage), cursor.Optional(DelaiLayout.Action), caseNumber,
            cursor.Optional(DelaiLayout.CompanyName), cursor.Optional(DelaiLayout.SixMonthIndicator), creationYear), cursor.Warnings);
    }

    private static DateOnly? Date(string value) =>
        DateOnly.TryParseExact(value, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
