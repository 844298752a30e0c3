using SignauxFaibles.Contracts.ShortTimeWork;
using SignauxFaibles.Ingestion.Dgefp.Conventions;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Ingestion.Dgefp.Demande;

/// <summary>
/// Short-time work requests: one authorisation per line (<see cref="ShortTimeWorkRequest"/>), its
/// codes decoded. The request, the establishment and the authorised period are required; the
/// amounts and counts may be blank (they often are in the xlsx deliveries), but not unreadable; an
/// unknown code or an unreadable status date is left empty with a warning and the request is kept.
/// </summary>
public sealed class DemandeParser : DgefpParser
{
    protected override IReadOnlyList<string> RequiredColumns => DemandeLayout.Current;

    protected override ParsedLine ParseFields(string[] fields, ColumnMap columns, string fileName, long line)
    {
        var c = new FieldCursor(fields, columns, fileName, line);
        var requestId = c.Required(DemandeLayout.RequestId);
        var siret = c.Parse(DemandeLayout.Siret, SourceFields.Siret, "not a SIRET (14 digits)");
        var from = c.Parse(DemandeLayout.From, DgefpFields.Date, "not a date (yyyy-MM-dd or dd/MM/yyyy)");
        var to = c.Parse(DemandeLayout.To, DgefpFields.Date, "not a date (yyyy-MM-dd or dd/MM/yyyy)");
        if (c.Reject is null && to < from) c.Fail(DemandeLayout.To, fields[columns[DemandeLayout.To]], "the period ends before it starts");
        var statusDate = c.Lenient(DemandeLayout.StatusDate, DgefpFields.Date, "not a date (yyyy-MM-dd or dd/MM/yyyy)");
        var hours = c.OptionalValue(DemandeLayout.HoursAuthorised, SourceFields.Decimal, "not a number of hours");
        var amount = c.OptionalValue(DemandeLayout.AmountAuthorised, SourceFields.Decimal, "not an amount");
        var employees = c.OptionalValue(DemandeLayout.EmployeesAuthorised, SourceFields.WholeNumber, "not a whole number of employees");
        // Codes and the status date describe the request; a value a newer export added is left empty with a warning.
        var reason = c.Lenient(DemandeLayout.Reason, DgefpFields.Reason, "not a reason code (1-5)");
        var perimeter = c.Lenient(DemandeLayout.Perimeter, DgefpFields.Perimeter, "not a perimeter code (1-4)");
        var priorUse = c.Lenient(DemandeLayout.PriorUse, DgefpFields.PriorUse, "not a prior-use code (1-3)");
        var companyHeadcount = c.OptionalValue(DemandeLayout.CompanyHeadcount, SourceFields.WholeNumber, "not a whole number of employees");
        var establishmentHeadcount = c.OptionalValue(DemandeLayout.EstablishmentHeadcount, SourceFields.WholeNumber, "not a whole number of employees");
        var hoursConsumed = c.OptionalValue(DemandeLayout.HoursConsumed, SourceFields.Decimal, "not a number of hours");
        var amountConsumed = c.OptionalValue(DemandeLayout.AmountConsumed, SourceFields.Decimal, "not an amount");
        var employeesConsumed = c.OptionalValue(DemandeLayout.EmployeesConsumed, SourceFields.WholeNumber, "not a whole number of employees");
        if (c.Reject is { } reject) return ParsedLine.Rejected(reject);

        // ID_DA names the request; a request covers one establishment.
        var key = $"apdemande:{requestId}:{siret.Value}";
        return ParsedLine.Accepted(line, new ShortTimeWorkRequest(key, requestId!, siret, from, to, hours, amount, employees,
            reason, perimeter, priorUse, statusDate, companyHeadcount, establishmentHeadcount, hoursConsumed, amountConsumed, employeesConsumed), c.Warnings);
    }
}
