using SignauxFaibles.Ingestion.Parsing;
using SignauxFaibles.Notifications.Officers;

namespace SignauxFaibles.Notifications.Roster;

/// <summary>
/// Reads a roster (xlsx or CSV, see <see cref="RosterLayout"/>) into valid lines and line-level
/// rejects. One instance per file: it remembers the e-mails already seen, since a person listed
/// twice is a mistake the partners must settle.
/// </summary>
public sealed class RosterParser : DelimitedParser
{
    private readonly Dictionary<string, long> _lineOfEmail = new(StringComparer.Ordinal);

    protected override IReadOnlyList<string> RequiredColumns => RosterLayout.Required;

    protected override IReadOnlyList<string> ExpectedColumns => RosterLayout.All;

    // Partners write their headers their own way ("ACCES GEOGRAPHIQUE", "ADRESSE MAIL").
    protected override string ColumnName(string header) => RosterLayout.Canonical(header) ?? header;

    // Excel in French writes ';', other tools ','; the header tells which.
    protected override LineFormat FormatOf(string header) => header.Contains(';', StringComparison.Ordinal) ? LineFormat.Semicolon : LineFormat.Comma;

    protected override ParsedLine ParseFields(string[] fields, ColumnMap columns, string fileName, long line)
    {
        var c = new FieldCursor(fields, columns, fileName, line);
        var level = c.Required(RosterLayout.Level)?.ToUpperInvariant();
        if (level is not null and not ("A" or "B")) c.Fail(RosterLayout.Level, level, "the level is A or B");
        var institutionRaw = c.Required(RosterLayout.Institution);
        var institution = Institutions.Canonical(institutionRaw);
        if (institutionRaw is not null && institution is null)
            c.Fail(RosterLayout.Institution, institutionRaw, $"not a partner institution ({string.Join(", ", Institutions.All)})");
        var zoneRaw = c.Required(RosterLayout.GeographicAccess);
        var zone = zoneRaw is null ? null : RosterFields.GeographicAccess(zoneRaw, out var zoneError).OrFail(c, RosterLayout.GeographicAccess, zoneRaw, zoneError);
        var firstName = c.Required(RosterLayout.FirstName);
        var lastName = c.Required(RosterLayout.LastName);
        var emailRaw = c.Required(RosterLayout.Email);
        var email = emailRaw is null ? null : RosterFields.Email(emailRaw);
        if (emailRaw is not null && email is null) c.Fail(RosterLayout.Email, emailRaw, "not an e-mail address");
        var rightsRaw = c.Optional(RosterLayout.Rights);
        var rights = RosterFields.Rights(rightsRaw, out var rightsError);
        if (rights is null) c.Fail(RosterLayout.Rights, rightsRaw ?? string.Empty, rightsError!);
        // Level B sees public data only: a right on such a line contradicts the level.
        else if (level == "B" && rights != OfficerRights.None) c.Fail(RosterLayout.Rights, rightsRaw!, "level B grants no right to confidential data");
        if (c.Reject is null && email is not null && !_lineOfEmail.TryAdd(email, line))
            c.Fail(RosterLayout.Email, emailRaw!, $"the same person is already on line {_lineOfEmail[email]}");
        if (c.Reject is { } reject) return ParsedLine.Rejected(reject);

        return ParsedLine.Accepted(line, new RosterLine(email!, level!, institution!, zone!.National, zone.Departements, zone.Regions,
            c.Optional(RosterLayout.Function), firstName!, lastName!, rights!.Value));
    }
}

internal static class FieldCursorExtensions
{
    public static T? OrFail<T>(this T? value, FieldCursor cursor, string column, string raw, string? error)
        where T : class
    {
        if (value is null) cursor.Fail(column, raw, error ?? "unreadable");
        return value;
    }
}
