using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using SignauxFaibles.Ingestion.Files;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.UnitTests.Ingestion.Properties;

/// <summary>
/// A file a kind's parser must read to the end: its real header (from a fixture), then lines made
/// from the fixture's data lines, unchanged or mutated (fields swapped, dropped, cut, quoted, with
/// quotes unbalanced, separators doubled, random Unicode, fields and lines over the limits), blank
/// and white lines, random text, mixed line ends; in UTF-8 (± BOM), UTF-16 or Latin-9, sometimes
/// gzipped. A layout that closes with a trailer gets its trailer, counting the data lines.
/// </summary>
public sealed record StructuredFile(Seed Seed, string Text, bool EndsWithTrailer, string EncodingName, byte[] Bytes)
{
    private const string Nasty = "\"\"\";;,,||\t  aé€\0\uFEFF\u00A0\u0301\uD800\uDC00\uFFFD\r\n9-";

    private static readonly string[] Ends = ["\n", "\n", "\n", "\r\n", "\r\n", "\r", "\n\r"];

    private static readonly Gen<string> Noise = Gen.Frequency(
        (3, Gen.Char[Nasty].Array[0, 12].Select(c => new string(c))),
        (1, Gen.Char.Array[0, 12].Select(c => new string(c))));

    private sealed record Mutation(int Op, int At, int Other, string Noise);

    private sealed record LinePlan(int Shape, int Source, int End, Mutation[] Mutations);

    private static readonly Gen<LinePlan> Line = Gen.Select(
        Gen.Int[0, 99], Gen.Int[0, 1 << 20], Gen.Int[0, Ends.Length - 1],
        Gen.Select(Gen.Int[0, 14], Gen.Int[0, 1 << 20], Gen.Int[0, 1 << 20], Noise, (op, at, other, noise) => new Mutation(op, at, other, noise)).Array[1, 3],
        (shape, source, end, mutations) => new LinePlan(shape, source, end, mutations));

    // One file in 20 holds a line around the longest a parser reads (1 Mi characters): dear to build, so rare.
    public static Gen<StructuredFile> For(ParserUnderTest parser) => Gen.Select(
        Gen.Int[0, parser.Seeds.Count - 1], Line.Array[0, 30], Gen.Int[0, 4], Gen.Int[0, 9], Gen.Int[0, Ends.Length - 1], Gen.Int[0, 99],
        (seed, lines, encoding, wrap, headerEnd, longLine) => Build(parser.Seeds[seed], lines, encoding, wrap, headerEnd, longLine));

    public override string ToString()
    {
        var shown = Text.Length > 4000 ? Text[..4000] + $"… ({Text.Length} characters)" : Text;
        return $"{Seed}, {EncodingName}, {Bytes.Length} bytes:\n" + shown.Replace("\r", "\\r").Replace("\n", "\\n\n").Replace("\0", "\\0");
    }

    private static StructuredFile Build(Seed seed, LinePlan[] plans, int encoding, int wrap, int headerEnd, int longLine)
    {
        var text = new StringBuilder(seed.Header).Append(Ends[headerEnd]);
        for (var i = 0; i <= plans.Length; i++)
        {
            // From 2 under the limit to 2 over it (a longer line is rejected without being held whole).
            if (longLine < 5 && i == longLine * 7 % (plans.Length + 1))
                text.Append(seed.DataLines[0]).Append('x', Math.Max(0, DelimitedParser<bool>.MaxLineLength - 2 + longLine - seed.DataLines[0].Length)).Append('\n');
            if (i < plans.Length) text.Append(LineOf(seed, plans[i])).Append(Ends[plans[i].End]);
        }
        if (seed.Trailer is not null)
        {
            // The trailer counts the non-empty lines after the header, as the parser does.
            var dataLines = TextOracle.Lines(text.ToString()).Skip(1).Count(l => l.Length > 0);
            text.Append(Regex.Replace(seed.Trailer, @"\d+", dataLines.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (wrap % 2 == 0) text.Append('\n');
        }
        var (name, bytes) = Encode(text.ToString(), seed.Header, encoding);
        if (wrap == 9) bytes = Gzip(bytes);
        return new StructuredFile(seed, text.ToString(), seed.Trailer is not null, wrap == 9 ? name + " gzipped" : name, bytes);
    }

    private static string LineOf(Seed seed, LinePlan plan)
    {
        var source = seed.DataLines[plan.Source % seed.DataLines.Count];
        return plan.Shape switch
        {
            < 30 => source,
            < 79 => plan.Mutations.Aggregate(source, (line, m) => Mutate(seed, line, m)),
            < 86 => string.Empty,
            < 90 => " \t ",
            _ => plan.Mutations[0].Noise,
        };
    }

    private static string Mutate(Seed seed, string line, Mutation m)
    {
        var separator = seed.Separator;
        var fields = line.Split(separator).ToList();
        int at = m.At % fields.Count, other = m.Other % fields.Count, position = m.At % (line.Length + 1);
        switch (m.Op)
        {
            case 0: (fields[at], fields[other]) = (fields[other], fields[at]); break;
            case 1: fields.RemoveRange(at, fields.Count - at); break;
            case 2: return line[..position];
            case 3: return line.Insert(position, "\"");
            case 4: fields[at] = $"\"{fields[at]}{separator}{m.Noise}\""; break;
            case 5: fields[at] = "\"" + fields[at]; break;
            case 6: return line.Insert(position, $"{separator}{separator}");
            case 7: fields[at] = m.Noise; break;
            // Around the longest field a parser reads (64 Ki characters), or merely long.
            case 8: fields[at] = new string('9', m.Other % 2 == 0 ? DelimitedParser<bool>.MaxFieldLength - 1 + m.Other % 3 : 300 + m.Other % 700); break;
            case 9: fields[at] += m.Noise; break;
            case 10:
                var donor = seed.DataLines[m.Other % seed.DataLines.Count].Split(separator);
                fields[at] = donor[at % donor.Length];
                break;
            case 11: fields.Insert(at, m.Noise); break;
            case 12: fields[at] = $" \t{fields[at]}  "; break;
            case 13: return line.Insert(position, new string(separator, 1 + m.Other % 20_000));
            default: fields[at] = $"\"{fields[at]}\"\"{m.Noise}\"\"\""; break;
        }
        return string.Join(separator, fields);
    }

    // 0: UTF-8, 1: UTF-8 with BOM, 2: UTF-16LE with BOM, 3: UTF-16BE with BOM, 4: Latin-9 when the header is Latin-9.
    private static (string Name, byte[] Bytes) Encode(string text, string header, int encoding)
    {
        var latin9 = EncodingDetector.Latin9;
        if (encoding == 4 && latin9.GetString(latin9.GetBytes(header)) != header) encoding = 0;
        // A single-byte file is read as such only when its bytes say which one it is (WholeFileEncodingTests):
        // the Latin-9 files here keep to French letters, so they are plain ISO-8859-15 to any reader.
        // (The header is the layout's own, whose € reads the same way.)
        if (encoding == 4 && text.StartsWith(header, StringComparison.Ordinal))
        {
            text = header + new string([.. text[header.Length..].Select(c => c < 0x80 || FrenchLetters.Contains(c) ? c : '?')]);
        }
        var chosen = encoding switch
        {
            0 => new UTF8Encoding(false),
            1 => new UTF8Encoding(true),
            2 => new UnicodeEncoding(false, true),
            3 => new UnicodeEncoding(true, true),
            _ => latin9,
        };
        return ($"{chosen.WebName}{(encoding is 1 or 2 or 3 ? " with BOM" : "")}", [.. chosen.GetPreamble(), .. chosen.GetBytes(text)]);
    }

    private const string FrenchLetters = "éèêëàâäîïôöùûüçÉÈÊËÀÂÄÎÏÔÖÙÛÜÇ";

    private static byte[] Gzip(byte[] bytes)
    {
        var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(bytes);
        return packed.ToArray();
    }
}
