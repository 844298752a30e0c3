using System.IO.Compression;
using System.Text;
using CsCheck;

namespace SignauxFaibles.UnitTests.Ingestion.Properties;

/// <summary>
/// Bytes as anyone may upload them: random, behind a byte-order mark, over a small alphabet of
/// separators, line ends, NULs and broken UTF-8, UTF-16 cut anywhere, a kind's real header
/// followed by any of these, and the same wrapped in gzip or zip (whole, truncated, or a magic
/// number alone). <see cref="Seed"/> is the header's fixture, when the bytes start with one.
/// </summary>
public sealed record ArbitraryBytes(string Shape, byte[] Bytes, Seed? Seed)
{
    private static readonly byte[][] Boms = [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF]];

    private static readonly byte[] Alphabet =
        [0, 0, (byte)'\n', (byte)'\r', (byte)';', (byte)',', (byte)'|', (byte)'"', (byte)' ', (byte)'a', (byte)'1', 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xED, 0xA0, 0x80, 0xFF, 0xFE];

    private static readonly Gen<byte[]> Random = Gen.Byte.Array[0, 2048];

    private static readonly Gen<byte[]> AnyBytes = Gen.Frequency(
        (3, Random),
        (3, Gen.Int[0, Alphabet.Length - 1].Array[0, 600].Select(ix => ix.Select(i => Alphabet[i]).ToArray())),
        (2, Gen.Select(Gen.Int[0, Boms.Length - 1], Random, (b, bytes) => Concat(Boms[b], bytes))),
        (2, Gen.Select(Gen.Char.Array[0, 300], Gen.Bool, Gen.Int[0, 3], (chars, bigEndian, cut) => Utf16(chars, bigEndian, cut))));

    public static Gen<ArbitraryBytes> For(ParserUnderTest parser)
    {
        var plain = AnyBytes.Select(b => new ArbitraryBytes("bytes", b, null));
        var afterHeader = Gen.Select(Gen.Int[0, Math.Max(0, parser.Seeds.Count - 1)], Gen.Int[0, 3], AnyBytes, (s, encoding, tail) =>
            parser.Seeds.Count == 0 ? new ArbitraryBytes("bytes", tail, null) : AfterHeader(parser.Seeds[s], encoding, tail));
        var reheaded = Gen.Select(Gen.Int[0, Math.Max(0, parser.Seeds.Count - 1)], Gen.Int[0, 7].Array[1, 4], Gen.Int[0, 1 << 20].Array[4], (s, edits, at) =>
            parser.Seeds.Count == 0 ? new ArbitraryBytes("bytes", [], null) : Reheaded(parser.Seeds[s], edits, at));
        var text = Gen.Frequency((2, plain), (3, afterHeader), (2, reheaded));
        return Gen.Frequency(
            (8, text),
            (1, Gen.Select(text, Gen.Int[0, 2], Gen.Int[0, 100], Compressed)));
    }

    public override string ToString() =>
        $"{Shape}{(Seed is null ? "" : $" after the header of {Seed}")}, {Bytes.Length} bytes: {Convert.ToBase64String(Bytes.AsSpan(0, Math.Min(Bytes.Length, 3000)))}";

    private static ArbitraryBytes AfterHeader(Seed seed, int encoding, byte[] tail)
    {
        var (enc, bom) = encoding switch
        {
            0 => (Encoding.UTF8, Array.Empty<byte>()),
            1 => (Encoding.UTF8, Boms[0]),
            2 => (Encoding.Unicode, Boms[1]),
            _ => (Encoding.BigEndianUnicode, Boms[2]),
        };
        return new ArbitraryBytes("bytes", Concat(bom, enc.GetBytes(seed.Header + "\n"), tail), seed);
    }

    /// <summary>
    /// The fixture with its header rearranged (columns moved, doubled, dropped, renamed in another
    /// case, quoted, padded, or an empty one added): read under another layout, or refused. A
    /// trailer's count no longer holds once a column moves, so such seeds are only held to well-formed results.
    /// </summary>
    private static ArbitraryBytes Reheaded(Seed seed, int[] edits, int[] at)
    {
        var columns = seed.Header.Split(seed.Separator).ToList();
        foreach (var edit in edits)
        {
            int i = at[0] % columns.Count, j = at[1] % columns.Count;
            switch (edit)
            {
                case 0: (columns[i], columns[j]) = (columns[j], columns[i]); break;
                case 1: columns.Insert(j, columns[i]); break;
                case 2 when columns.Count > 1: columns.RemoveAt(i); break;
                case 3: columns[i] = at[2] % 2 == 0 ? columns[i].ToUpperInvariant() : columns[i].ToLowerInvariant(); break;
                case 4: columns[i] = $"\"{columns[i]}\""; break;
                case 5: columns[i] = $"  {columns[i]}\t"; break;
                case 6: columns.Insert(i, string.Empty); break;
                default: columns[i] += at[3] % 2 == 0 ? "\"" : "é"; break;
            }
            (at[0], at[1]) = (at[1] / 7 + at[2], at[0] / 3 + at[3]);
        }
        var text = string.Join(seed.Separator, columns) + "\n" + string.Join("\n", seed.DataLines) + (seed.Trailer is null ? "" : "\n" + seed.Trailer);
        return new ArbitraryBytes("reheaded", Encoding.UTF8.GetBytes(text), seed.Trailer is null ? seed : null);
    }

    // 0: gzip, 1: zip holding the text, 2: a magic number and random bytes; a cut > 50 truncates the container.
    private static ArbitraryBytes Compressed(ArbitraryBytes inner, int container, int cut)
    {
        var packed = new MemoryStream();
        if (container == 0)
        {
            using var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true);
            gzip.Write(inner.Bytes);
        }
        else if (container == 1)
        {
            using var zip = new ZipArchive(packed, ZipArchiveMode.Create, leaveOpen: true);
            using var entry = zip.CreateEntry("delivered.csv").Open();
            entry.Write(inner.Bytes);
        }
        else
        {
            packed.Write(cut % 2 == 0 ? [0x1f, 0x8b] : "PK\u0003\u0004"u8);
            packed.Write(inner.Bytes);
        }
        var bytes = packed.ToArray();
        if (cut > 50) bytes = bytes[..(bytes.Length * (cut - 50) / 51)];
        return inner with { Shape = $"{inner.Shape} in {(container == 0 ? "gzip" : container == 1 ? "zip" : "a fake container")}{(cut > 50 ? ", cut" : "")}", Bytes = bytes };
    }

    private static byte[] Utf16(char[] chars, bool bigEndian, int cut)
    {
        var encoding = bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode;
        var bytes = Concat(cut == 0 ? encoding.GetPreamble() : [], encoding.GetBytes(chars));
        return bytes[..Math.Max(0, bytes.Length - cut)];
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
