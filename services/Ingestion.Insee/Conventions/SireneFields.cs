using System.Globalization;
using SignauxFaibles.Contracts.Identifiers;

namespace SignauxFaibles.Ingestion.Insee.Conventions;

/// <summary>Field readers for Sirene notations, in the shape <see cref="Parsing.FieldCursor"/> expects.</summary>
public static class SireneFields
{
    public const string SirenReason = "not a SIREN (9 digits)";
    public const string NicReason = "not a NIC (5 digits)";
    public const string DateReason = "not a date (AAAA-MM-JJ)";
    public const string BooleanReason = "not a boolean (true, false)";
    public const string LatitudeReason = "not a latitude (decimal degrees, -90 to 90)";
    public const string LongitudeReason = "not a longitude (decimal degrees, -180 to 180)";

    public static Siren? Siren(string v) => Contracts.Identifiers.Siren.TryParse(v, out var s) ? s : null;

    public static string? Nic(string v) => v.Length == 5 && v.All(char.IsAsciiDigit) ? v : null;

    public static DateOnly? Date(string v) =>
        DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    // Codes are read in any case: an export written "a" or "True" means what "A" and "true" mean.
    public static bool? Boolean(string v) => v.ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    /// <summary>Caractère employeur: O (yes) or N (no).</summary>
    public static bool? YesNo(string v) => v.ToUpperInvariant() switch
    {
        "O" => true,
        "N" => false,
        _ => null,
    };

    /// <summary>etatAdministratifEtablissement: A (active) or F (closed), in any case.</summary>
    public static bool? EstablishmentState(string v) => v.ToUpperInvariant() switch
    {
        "A" => true,
        "F" => false,
        _ => null,
    };

    /// <summary>etatAdministratifUniteLegale: A (active) or C (ceased), in any case.</summary>
    public static bool? LegalUnitState(string v) => v.ToUpperInvariant() switch
    {
        "A" => true,
        "C" => false,
        _ => null,
    };

    public static double? Latitude(string v) => Degrees(v, 90);

    public static double? Longitude(string v) => Degrees(v, 180);

    private static double? Degrees(string v, double limit) =>
        double.TryParse(v, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
        && Math.Abs(d) <= limit ? d : null;
}
