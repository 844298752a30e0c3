using System.Globalization;

namespace SignauxFaibles.Ingestion.Parsing;

/// <summary>
/// Numbers as French extracts write them: a decimal comma or point, thousands separated by a
/// space, a no-break space or (before a comma) a dot, a leading sign.
/// </summary>
public static class FrenchDecimal
{
    public static decimal? Parse(string value)
    {
        var s = value.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00A0", string.Empty, StringComparison.Ordinal)
            .Replace("\u202F", string.Empty, StringComparison.Ordinal);
        if (s.Contains(',', StringComparison.Ordinal)) s = s.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.');
        return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null;
    }
}
