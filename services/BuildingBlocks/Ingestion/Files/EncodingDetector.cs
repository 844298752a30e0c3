using System.Text;

namespace SignauxFaibles.Ingestion.Files;

/// <summary>
/// Detects a text file's encoding from its first bytes, never assumes it: byte-order marks
/// (UTF-8, UTF-16LE/BE), UTF-16 without BOM by its zero bytes, strict UTF-8, and otherwise
/// ISO-8859-15 (Latin-9, which French extracts use; it is ISO-8859-1 plus €, Œ, œ, Š, š, Ž, ž, Ÿ).
/// Without a byte-order mark, <see cref="DeliveredContent"/> then confirms or corrects the guess
/// over the whole file (<see cref="EightBitEvidence"/>): UTF-8, Windows-1252, ISO-8859-15 or -1.
/// </summary>
public static class EncodingDetector
{
    static EncodingDetector() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Latin9 => Encoding.GetEncoding("iso-8859-15");

    public static Encoding Windows1252 => Encoding.GetEncoding("windows-1252");

    /// <returns>The encoding and the length of its byte-order mark to skip.</returns>
    public static (Encoding Encoding, int BomLength) Detect(ReadOnlySpan<byte> sample)
    {
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return (new UTF8Encoding(false), 3);
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (new UnicodeEncoding(false, false), 2);
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (new UnicodeEncoding(true, false), 2);

        // ASCII text in UTF-16 has a zero byte in every pair.
        int evenZeros = 0, oddZeros = 0;
        var pairs = Math.Min(sample.Length, 4096) / 2;
        for (var i = 0; i < pairs * 2; i += 2)
        {
            if (sample[i] == 0) evenZeros++;
            if (sample[i + 1] == 0) oddZeros++;
        }
        if (pairs > 0 && oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return (new UnicodeEncoding(false, false), 0);
        if (pairs > 0 && evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return (new UnicodeEncoding(true, false), 0);

        return IsUtf8(sample) ? (new UTF8Encoding(false), 0) : (Latin9, 0);
    }

    // Strict UTF-8 check; a multi-byte sequence cut by the end of the sample is accepted.
    private static bool IsUtf8(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            int extra;
            if (b < 0x80) extra = 0;
            else if (b is >= 0xC2 and <= 0xDF) extra = 1;
            else if (b is >= 0xE0 and <= 0xEF) extra = 2;
            else if (b is >= 0xF0 and <= 0xF4) extra = 3;
            else return false;
            for (var k = 1; k <= extra; k++)
            {
                if (i + k >= bytes.Length) return true;
                if ((bytes[i + k] & 0xC0) != 0x80) return false;
            }
            i += extra + 1;
        }
        return true;
    }
}
