using System.Globalization;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Ingestion.Urssaf.Conventions;

/// <summary>Field readers for URSSAF notations, in the shape <see cref="Parsing.FieldCursor"/> expects.</summary>
public static class UrssafFields
{
    public static Siren? Siren(string v) => SourceFields.Siren(v);

    public static Siret? Siret(string v) => SourceFields.Siret(v);

    public static MonthRange? Period(string v) => UrssafDates.TryParsePeriod(v, out var p) ? p : null;

    public static DateOnly? Date(string v) => UrssafDates.TryParseDate(v, out var d) ? d : null;

    public static int? Integer(string v) =>
        int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : null;

    // Built with scale 2 rather than divided by 100m: decimal division is the costliest step of a débit line.
    public static decimal? Cents(string v) =>
        long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var cents) ? FromCents(cents) : null;

    private static decimal FromCents(long cents)
    {
        var magnitude = cents < 0 ? (ulong)-(cents + 1) + 1 : (ulong)cents;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, cents < 0, 2);
    }

    /// <summary>Euros with a decimal point or comma, thousands separators (space, no-break space, dot before a comma) stripped.</summary>
    public static decimal? Euros(string v) => SourceFields.Decimal(v);
}
