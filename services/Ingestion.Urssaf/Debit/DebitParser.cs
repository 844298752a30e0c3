using System.Globalization;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Urssaf;
using SignauxFaibles.Ingestion.Urssaf.Parsing;

namespace SignauxFaibles.Ingestion.Urssaf.Debit;

/// <summary>
/// Reads a débit file line by line: each valid line is a <see cref="ContributionDebtStep"/>, each
/// invalid one a <see cref="LineReject"/> naming the line, column and reason. Amounts arrive in cents.
/// </summary>
public sealed class DebitParser
{
    public async IAsyncEnumerable<DebitLine> ParseAsync(TextReader reader, string fileName)
    {
        var header = await reader.ReadLineAsync();
        if (header is null) throw new HeaderMismatchException(fileName, DebitLayout.Required, DebitLayout.Current);
        var columns = ColumnMap.FromHeader(SemicolonLine.Split(header.TrimStart('\uFEFF')));
        var missing = DebitLayout.Required.Where(c => !columns.Has(c)).ToList();
        if (missing.Count > 0) throw new HeaderMismatchException(fileName, missing, DebitLayout.Current);

        long lineNumber = 1;
        while (await reader.ReadLineAsync() is { } line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            yield return ParseLine(SemicolonLine.Split(line), columns, fileName, lineNumber);
        }
    }

    private static DebitLine ParseLine(string[] fields, ColumnMap columns, string fileName, long line)
    {
        if (fields.Length != columns.Count)
        {
            return DebitLine.Rejected(new LineReject(fileName, line, null, null, null,
                $"wrong number of fields: {fields.Length} instead of {columns.Count}"));
        }
        var cursor = new FieldCursor(fields, columns, fileName, line);
        var account = cursor.Required(DebitLayout.Account);
        var siren = cursor.Parse<Siren>(DebitLayout.Siren, v => Siren.TryParse(v, out var s) ? s : null, "not a SIREN (9 digits)");
        Siret? siret = null;
        if (columns.Has(DebitLayout.Siret) && cursor.Optional(DebitLayout.Siret) is not null)
        {
            siret = cursor.Parse<Siret>(DebitLayout.Siret, v => Siret.TryParse(v, out var s) ? s : null, "not a SIRET (14 digits)");
        }
        var period = cursor.ParseObject(DebitLayout.Period, v => UrssafDates.TryParsePeriod(v, out var p) ? p : null, "not an URSSAF period (AAAAQM)");
        var debtLine = cursor.Required(DebitLayout.DebtLine);
        var history = cursor.Parse<int>(DebitLayout.History, ParseInt, "not an integer");
        var processedOn = cursor.Parse<DateOnly>(DebitLayout.ProcessedOn, v => UrssafDates.TryParseDate(v, out var d) ? d : null, "not an URSSAF date (AAMMJJ)");
        var employee = cursor.Parse<decimal>(DebitLayout.EmployeeShare, ParseCents, "not an amount in cents");
        var employer = cursor.Parse<decimal>(DebitLayout.EmployerShare, ParseCents, "not an amount in cents");
        var state = cursor.Parse<int>(DebitLayout.AccountState, ParseInt, "not an integer");
        var appeal = cursor.Parse<bool>(DebitLayout.Appeal, v => v switch { "0" or "" => false, "1" => true, _ => null }, "0 or 1 expected");
        if (cursor.Reject is { } reject) return DebitLine.Rejected(reject);

        var key = $"debit:{account}:{fields[columns[DebitLayout.Period]]}:{debtLine}:{history}";
        return DebitLine.Accepted(new ContributionDebtStep(
            key, account!, siren, siret, period!, debtLine!, history, processedOn, employee, employer, state,
            cursor.Optional(DebitLayout.ProceedingCode) ?? "0",
            cursor.Optional(DebitLayout.Operation) ?? string.Empty,
            cursor.Optional(DebitLayout.Reason) ?? string.Empty,
            appeal), line);
    }

    private static int? ParseInt(string v) =>
        int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : null;

    private static decimal? ParseCents(string v) =>
        long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var cents) ? cents / 100m : null;
}
