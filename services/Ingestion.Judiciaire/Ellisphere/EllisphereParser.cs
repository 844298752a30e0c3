using SignauxFaibles.Contracts.Groups;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Ingestion.Judiciaire.Ellisphere;

/// <summary>
/// Ellisphère group structures, delivered as xlsx (a ';'-separated text export reads the same):
/// one subsidiary of one group per row (<see cref="GroupOwnership"/>). The head of a foreign group
/// has no SIREN; the subsidiary must have one, since the fact is about a French company.
/// </summary>
public sealed class EllisphereParser : DelimitedParser
{
    protected override IReadOnlyList<string> RequiredColumns => EllisphereLayout.Required;

    protected override LineFormat FormatOf(string header) => LineFormat.Semicolon;

    protected override ParsedLine ParseFields(string[] fields, ColumnMap columns, string fileName, long line)
    {
        var c = new FieldCursor(fields, columns, fileName, line);
        var groupCode = c.Required(EllisphereLayout.GroupCode);
        var siren = c.Parse(EllisphereLayout.SubsidiarySiren, SourceFields.Siren, "not a SIREN (9 digits)");
        var headSiren = c.OptionalValue(EllisphereLayout.HeadSiren, SourceFields.Siren, "not a SIREN (9 digits)");
        var level = c.OptionalValue(EllisphereLayout.HoldingLevel, SourceFields.WholeNumber, "not a holding level (whole number)");
        var percent = c.OptionalValue(EllisphereLayout.OwnershipPercent, SourceFields.Decimal, "not a percentage");
        if (percent is < 0 or > 100) c.Fail(EllisphereLayout.OwnershipPercent, c.Optional(EllisphereLayout.OwnershipPercent)!, "a share is between 0 and 100 percent");
        var personType = c.OptionalValue(EllisphereLayout.HeadPersonType, LegalEntity, "not a person type (P physical, M legal entity)");
        if (c.Reject is { } reject) return ParsedLine.Rejected(reject);

        // A company sits once in a given group's structure.
        var key = $"ellisphere:{groupCode}:{siren.Value}";
        return ParsedLine.Accepted(line, new GroupOwnership(key, siren, c.Optional(EllisphereLayout.SubsidiaryCode), c.Optional(EllisphereLayout.SubsidiaryRefId),
            groupCode!, headSiren, c.Optional(EllisphereLayout.HeadRefId), c.Optional(EllisphereLayout.GroupName), c.Optional(EllisphereLayout.HeadAddress),
            c.Optional(EllisphereLayout.HeadCountry), personType, level, percent));
    }

    // "PouM": personne physique ou morale.
    private static bool? LegalEntity(string v) => v.ToUpperInvariant() switch
    {
        "M" => true,
        "P" => false,
        _ => null,
    };
}
