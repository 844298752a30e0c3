using SignauxFaibles.Contracts.Urssaf;
using SignauxFaibles.Ingestion.Parsing;
using SignauxFaibles.Ingestion.Urssaf.Conventions;

namespace SignauxFaibles.Ingestion.Urssaf.Cotisation;

/// <summary>
/// The cotisation file: contributions due by one account for one period (<see cref="ContributionDeclaration"/>).
/// One record per line for the line's whole period: spreading over months is the feature service's job.
/// Amounts are euros (decimal comma and thousands separators possible).
/// </summary>
public sealed class CotisationParser : UrssafParser
{
    protected override IReadOnlyList<string> RequiredColumns => CotisationLayout.Required;

    protected override IReadOnlyList<string> ExpectedColumns => CotisationLayout.Current;


    protected override ParsedLine ParseFields(string[] fields, ColumnMap columns, string fileName, long line)
    {
        var cursor = new FieldCursor(fields, columns, fileName, line);
        var account = cursor.Required(CotisationLayout.Account);
        var siret = cursor.OptionalValue(CotisationLayout.Siret, UrssafFields.Siret, "not a SIRET (14 digits)");
        var period = cursor.ParseObject(CotisationLayout.Period, UrssafFields.Period, "not an URSSAF period (AAAAQM or AAQM)");
        var collected = cursor.OptionalValue(CotisationLayout.Collected, UrssafFields.Euros, "not an amount in euros");
        var due = cursor.Parse(CotisationLayout.Due, UrssafFields.Euros, "not an amount in euros");
        if (cursor.Reject is { } reject) return ParsedLine.Rejected(reject);

        // The natural key is the account and the period: the current layout has one line per
        // account and period (mer, enc_direct and cotis_due are amounts, not identifiers; the
        // older layout's debt-line number is gone). The period is written as the months it
        // covers, so 1031 and 201031 share a key while a month and its quarter do not.
        // Amounts stay out of the key: a re-delivered line must be recognised, not counted twice.
        var key = $"cotisation:{account}:{period!.First.ToString()}..{period.Last.ToString()}";
        return ParsedLine.Accepted(line, new ContributionDeclaration(key, siret, account!, period, due, collected));
    }
}
