using System.Globalization;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.ShortTimeWork;
using SignauxFaibles.Ingestion.Dgefp.Conventions;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Ingestion.Dgefp.Conso;

/// <summary>
/// Short-time work consumption: hours, amount and employees of one establishment in one month
/// under one request (<see cref="ShortTimeWorkConsumption"/>). <c>MOIS</c> is a date within the
/// month (usually its first day) or, in older exports, the month alone (<c>12/2004</c>); the month is what counts.
/// </summary>
public sealed class ConsoParser : DgefpParser
{
    protected override IReadOnlyList<string> RequiredColumns => ConsoLayout.Current;

    protected override ParsedLine ParseFields(string[] fields, ColumnMap columns, string fileName, long line)
    {
        var c = new FieldCursor(fields, columns, fileName, line);
        var requestId = c.Required(ConsoLayout.RequestId);
        var siret = c.Parse(ConsoLayout.Siret, SourceFields.Siret, "not a SIRET (14 digits)");
        var month = c.Parse(ConsoLayout.Month, DgefpFields.Month, "not a month (a day yyyy-MM-dd or dd/MM/yyyy, or MM/yyyy)");
        var hours = c.Parse(ConsoLayout.Hours, SourceFields.Decimal, "not a number of hours");
        if (c.Reject is null && hours < 0) c.Fail(ConsoLayout.Hours, fields[columns[ConsoLayout.Hours]], "negative hours");
        var amount = c.OptionalValue(ConsoLayout.Amount, SourceFields.Decimal, "not an amount");
        var employees = c.OptionalValue(ConsoLayout.Employees, SourceFields.WholeNumber, "not a whole number of employees");
        if (c.Reject is { } reject) return ParsedLine.Rejected(reject);

        var key = $"apconso:{requestId}:{siret.Value}:{month.FirstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture)}";
        return ParsedLine.Accepted(line, new ShortTimeWorkConsumption(key, requestId!, siret, month, hours, amount, employees));
    }
}
