using System.IO.Compression;
using System.Text;
using SignauxFaibles.Ingestion.Files;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.UnitTests.Ingestion;

public class DeliveredContentTests
{
    private const string Text = "Siret;Raison sociale\n11111111111111;Société Générale d'Études - 5 €\n";

    private static async Task<(string Text, string Encoding)> ReadAsync(byte[] bytes)
    {
        var (reader, encoding) = await DeliveredContent.OpenTextAsync(new MemoryStream(bytes), CancellationToken.None);
        using (reader) return (await reader.ReadToEndAsync(), encoding.WebName);
    }

    [Fact]
    public async Task A_gzip_expanding_beyond_the_size_limit_is_refused_while_read()
    {
        using var gzipped = new MemoryStream();
        await using (var gzip = new GZipStream(gzipped, CompressionLevel.Fastest, leaveOpen: true))
            for (var i = 0; i < 40_000; i++) gzip.Write(Encoding.UTF8.GetBytes($"{i:D14};ligne numéro {i}\n"));
        gzipped.Position = 0;
        var limits = new DecompressionLimits(MaxBytes: 512 * 1024, MaxRatio: 1e9, RatioCheckFrom: long.MaxValue);

        // Refused by the whole-file encoding pass, before any line is parsed.
        var refused = await Assert.ThrowsAsync<FileRefusedException>(async () =>
        {
            var (reader, _) = await DeliveredContent.OpenTextAsync(gzipped, CancellationToken.None, limits);
            await reader.ReadToEndAsync();
        });
        Assert.Contains("decompresses to more than 524,288 bytes", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ordinary_gzip_passes_the_upload_probe_and_reads_whole()
    {
        using var gzipped = new MemoryStream();
        await using (var gzip = new GZipStream(gzipped, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(Encoding.UTF8.GetBytes(Text));
        gzipped.Position = 0;

        await DeliveredContent.ProbeAsync(gzipped, DecompressionLimits.Default, CancellationToken.None);
        Assert.Equal((Text, "utf-8"), await ReadAsync(gzipped.ToArray()));
    }

    public static TheoryData<string, byte[], string> Encodings() => new()
    {
        { "UTF-8 with BOM", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Text)], "utf-8" },
        { "UTF-8", Encoding.UTF8.GetBytes(Text), "utf-8" },
        { "UTF-16LE with BOM", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Text)], "utf-16" },
        { "UTF-16BE with BOM", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Text)], "utf-16BE" },
        { "UTF-16LE without BOM", Encoding.Unicode.GetBytes(Text), "utf-16" },
        { "ISO-8859-15", Latin9(Text), "iso-8859-15" },
    };

    private static byte[] Latin9(string text) => EncodingDetector.Latin9.GetBytes(text);

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task The_encoding_is_detected_not_assumed(string name, byte[] bytes, string expected)
    {
        var (text, encoding) = await ReadAsync(bytes);
        Assert.Equal(Text, text);
        Assert.True(string.Equals(expected, encoding, StringComparison.OrdinalIgnoreCase), $"{name}: detected {encoding}");
    }

    [Fact]
    public async Task Gzip_and_zip_are_unwrapped_by_their_content()
    {
        Assert.Equal(Text, (await ReadAsync(Gzip(Encoding.UTF8.GetBytes(Text)))).Text);
        Assert.Equal(Text, (await ReadAsync(Zip(("data.csv", Encoding.UTF8.GetBytes(Text))))).Text);
    }

    [Fact]
    public async Task A_truncated_gzip_is_detected_at_its_end()
    {
        var big = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 50_000).Select(i => $"{i};{i * 7};x\n")));
        var gz = Gzip(big);
        foreach (var cut in new[] { gz.Length - 1, gz.Length - 8, gz.Length / 2 })
        {
            await Assert.ThrowsAnyAsync<Exception>(async () =>
            {
                try
                {
                    await ReadAsync(gz[..cut]);
                }
                catch (Exception ex) when (ex is InvalidDataException or FileRefusedException)
                {
                    throw new TruncationDetected();
                }
            });
        }
    }

    private sealed class TruncationDetected : Exception;

    [Fact]
    public async Task A_gzip_of_several_members_is_read_whole_and_each_member_is_checked()
    {
        // What `cat part1.gz part2.gz` and some exporters write: members one after the other.
        var first = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{i};premier\n")));
        var second = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{i};second\n")));
        byte[] members = [.. Gzip(first), .. Gzip(second)];

        Assert.Equal(Encoding.UTF8.GetString([.. first, .. second]), (await ReadAsync(members)).Text);

        // The first member damaged in its middle (its CRC no longer matches), the second intact.
        var damaged = members.ToArray();
        damaged[Gzip(first).Length / 2] ^= 0x55;
        Assert.True(await IsRefusedAsync(damaged), "a damaged first member must be refused");
        // The second member cut short.
        Assert.True(await IsRefusedAsync(members[..^100]), "a cut second member must be refused");
    }

    [Fact]
    public async Task A_zip_must_hold_exactly_one_file()
    {
        var zip = Zip(("a.csv", [1]), ("b.csv", [2]));
        var ex = await Assert.ThrowsAsync<FileRefusedException>(() => ReadAsync(zip));
        Assert.Contains("exactly one file", ex.Message);
    }

    [Fact]
    public async Task A_tiny_gzip_is_refused() =>
        await Assert.ThrowsAsync<FileRefusedException>(() => ReadAsync([0x1f, 0x8b, 8, 0]));

    // Damage found in the first 64 KiB refuses the file at once; later, it fails the read.
    private static async Task<bool> IsRefusedAsync(byte[] bytes)
    {
        try
        {
            await ReadAsync(bytes);
            return false;
        }
        catch (Exception ex) when (ex is InvalidDataException or FileRefusedException)
        {
            return true;
        }
    }

    private static byte[] Gzip(byte[] content)
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(content);
        return ms.ToArray();
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] files)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(content);
            }
        }
        return ms.ToArray();
    }
}
