namespace SignauxFaibles.Synthesis.Population;

/// <summary>
/// SIREN, SIRET and URSSAF account numbers for the synthetic population. Identifiers carry a valid
/// Luhn key (parsers count invalid ones), and a SIREN is a bijection of the company's index, so
/// two companies never share one however many are drawn.
/// </summary>
public static class Identifiers
{
    private const int Body = 100_000_000;

    // Odd and not a multiple of 5: coprime with 10^8, so index → body is a permutation.
    private const long Multiplier = 48_271_117;

    public static string Siren(long index, ulong seed)
    {
        // The seed moves the whole population elsewhere in the SIREN space.
        var offset = (long)((seed * 0x9E3779B97F4A7C15UL >> 20) % Body);
        var body = (index * Multiplier + offset) % Body;
        var digits = body.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        return digits + LuhnKey(digits);
    }

    /// <summary>SIRET of the establishment number <paramref name="ordinal"/> (from 1): NIC = 4-digit ordinal + key, first digit 0 so never a pseudo-SIRET.</summary>
    public static string Siret(string siren, int ordinal)
    {
        var partial = siren + ordinal.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        return partial + LuhnKey(partial);
    }

    /// <summary>An 18-digit URSSAF account: the managing URSSAF's code, a 0, then the SIRET.</summary>
    public static string Account(string urssafCode, string siret) => urssafCode + "0" + siret;

    /// <summary>The digit that makes <paramref name="partial"/> + digit pass the Luhn check.</summary>
    public static char LuhnKey(string partial)
    {
        var sum = 0;
        // The key will be the rightmost digit, so the rightmost digit of partial is doubled.
        for (var i = partial.Length - 1; i >= 0; i--)
        {
            var d = partial[i] - '0';
            if ((partial.Length - 1 - i) % 2 == 0)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return (char)('0' + (10 - sum % 10) % 10);
    }

    public static bool LuhnValid(string digits)
    {
        var sum = 0;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if ((digits.Length - 1 - i) % 2 == 1)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
