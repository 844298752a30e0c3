namespace SignauxFaibles.Nomenclatures.Naf;

/// <summary>
/// Reads a NAF code as sources write it: Sirene writes 10.11Z, URSSAF and Diane 1011Z, some
/// files a lower-case letter or stray spaces. The level follows from the shape.
/// </summary>
public static class NafCode
{
    /// <summary>The code without dots or spaces, upper-case, with its level; false when it has no NAF shape.</summary>
    public static bool TryNormalize(string? raw, out string code, out NafLevel level)
    {
        code = string.Empty;
        level = default;
        if (string.IsNullOrWhiteSpace(raw)) return false;
        Span<char> buffer = stackalloc char[8];
        var length = 0;
        foreach (var c in raw)
        {
            if (c is '.' or ' ') continue;
            if (length == buffer.Length) return false;
            buffer[length++] = char.ToUpperInvariant(c);
        }
        var s = buffer[..length];
        NafLevel? found = s switch
        {
            [>= 'A' and <= 'U'] => NafLevel.Section,
            _ when length is >= 2 and <= 4 && AllDigits(s) => (NafLevel)length,
            _ when length == 5 && AllDigits(s[..4]) && s[4] is >= 'A' and <= 'Z' => NafLevel.SubClass,
            _ => null,
        };
        if (found is null) return false;
        code = new string(s);
        level = found.Value;
        return true;
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        return true;
    }
}
