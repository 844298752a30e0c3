using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.Ingestion.Insee.Conventions;
using SignauxFaibles.Ingestion.Parsing;
using L = SignauxFaibles.Ingestion.Insee.UniteLegale.UniteLegaleLayout;

namespace SignauxFaibles.Ingestion.Insee.UniteLegale;

/// <summary>The Sirene legal-unit stock: one <see cref="CompanyRegistration"/> per company.</summary>
public sealed class UniteLegaleParser : SireneParser
{
    protected override IReadOnlyList<string> RequiredColumns => L.Required;

    protected override ParsedLine ParseFields(string[] fields, ColumnMap columns, string fileName, long line)
    {
        var cursor = new FieldCursor(fields, columns, fileName, line);
        var siren = cursor.Parse(L.Siren, SireneFields.Siren, SireneFields.SirenReason);
        var createdOn = cursor.OptionalValue(L.CreatedOn, SireneFields.Date, SireneFields.DateReason);
        var active = cursor.Parse(L.State, SireneFields.LegalUnitState, "not a legal-unit state (A, C)");
        var headOfficeNic = cursor.Optional(L.HeadOfficeNic);
        if (headOfficeNic is not null && SireneFields.Nic(headOfficeNic) is null) cursor.Fail(L.HeadOfficeNic, headOfficeNic, SireneFields.NicReason);
        var legalCategory = cursor.Optional(L.LegalCategory);
        if (legalCategory is not null && (legalCategory.Length != 4 || !legalCategory.All(char.IsAsciiDigit)))
            cursor.Fail(L.LegalCategory, legalCategory, "not a legal category (4 digits)");
        if (cursor.Reject is { } reject) return ParsedLine.Rejected(reject);

        return ParsedLine.Accepted(line, new CompanyRegistration(
            siren.Value, siren, cursor.Optional(L.Name), cursor.Optional(L.LastName), cursor.Optional(L.FirstName), legalCategory,
            cursor.Optional(L.ActivityCode), cursor.Optional(L.ActivityNomenclature), cursor.Optional(L.ActivityCodeNaf2025),
            createdOn, active, cursor.Optional(L.SizeCategory), cursor.Optional(L.HeadcountBand), headOfficeNic,
            UsualName(L.UsualNames.Select(cursor.Optional))));
    }

    /// <summary>The usual names given, in Sirene's order, joined by " / "; null when there is none.</summary>
    public static string? UsualName(IEnumerable<string?> names)
    {
        var given = names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        return given.Count == 0 ? null : string.Join(" / ", given);
    }
}
