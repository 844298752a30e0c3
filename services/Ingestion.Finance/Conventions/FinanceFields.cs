using System.Globalization;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Ingestion.Finance.Conventions;

/// <summary>Field readers shared by the finance files, in the shape <see cref="FieldCursor"/> expects.</summary>
public static class FinanceFields
{
    public const string NotASiren = "not a SIREN (9 digits, spaces allowed)";
    public const string NotANumber = "not a number (or beyond ±10^15)";

    // No company's accounts come near a quadrillion; the bound also keeps k€ → € and sums far from decimal overflow.
    private const decimal Bound = 1_000_000_000_000_000m;

    /// <summary>A SIREN, possibly written in groups of three (Banque de France: "000 111 222").</summary>
    public static Siren? Siren(string value)
    {
        var digits = value.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00A0", string.Empty, StringComparison.Ordinal);
        return Contracts.Identifiers.Siren.TryParse(digits, out var siren) ? siren : null;
    }

    public static decimal? Number(string value) => FrenchDecimal.Parse(value) is { } d && Math.Abs(d) < Bound ? d : null;

    public static int? WholeNumber(string value) => Number(value) is { } d && d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue ? (int)d : null;

    /// <summary>Parses with one exact format, invariant culture (month abbreviations in English, any case).</summary>
    public static Func<string, DateOnly?> Date(string format) => value =>
        DateOnly.TryParseExact(value, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>The natural key of a statement: several deliveries of the same one replace each other.</summary>
    public static string StatementKey(string source, Siren siren, DateOnly fiscalYearEnd, string? part = null) =>
        $"{source}:{siren.Value}:{fiscalYearEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}{(part is null ? string.Empty : ":" + part)}";
}
