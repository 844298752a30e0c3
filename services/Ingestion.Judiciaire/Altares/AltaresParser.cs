using System.Globalization;
using SignauxFaibles.Contracts.Judiciaire;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Ingestion.Judiciaire.Altares;

/// <summary>
/// Altares legal events: one BODACC announcement about an establishment per line
/// (<see cref="LegalAnnouncement"/>), dates yyyy-MM-dd. Both dates are kept as delivered and not
/// checked against each other: a judgment takes effect on its date and is published days later.
/// </summary>
public sealed class AltaresParser : DelimitedParser
{
    private const string NotADate = "not a date (yyyy-MM-dd)";

    protected override IReadOnlyList<string> RequiredColumns => AltaresLayout.Current;

    protected override LineFormat FormatOf(string header) => LineFormat.Comma;

    protected override ParsedLine ParseFields(string[] fields, ColumnMap columns, string fileName, long line)
    {
        var c = new FieldCursor(fields, columns, fileName, line);
        var siret = c.Parse(AltaresLayout.Siret, SourceFields.Siret, "not a SIRET (14 digits)");
        var effectiveOn = c.Parse(AltaresLayout.EffectiveOn, SourceFields.IsoDate, NotADate);
        var publishedOn = c.Parse(AltaresLayout.PublishedOn, SourceFields.IsoDate, NotADate);
        var journal = c.Required(AltaresLayout.JournalCode);
        var eventCode = c.Required(AltaresLayout.EventCode);
        if (c.Reject is { } reject) return ParsedLine.Rejected(reject);

        // One announcement: an establishment, a journal, an event nature and the date it takes effect.
        var key = $"altares:{siret.Value}:{effectiveOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}:{journal}:{eventCode}";
        return ParsedLine.Accepted(line, new LegalAnnouncement(key, siret, siret.Siren, effectiveOn, publishedOn, journal!, eventCode!));
    }
}
