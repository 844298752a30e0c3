using System.Text;
using SignauxFaibles.Ingestion.Files;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.UnitTests.Ingestion;

/// <summary>
/// Without a byte-order mark the encoding is decided over the whole file, not its first 64 KiB:
/// UTF-8, Windows-1252, ISO-8859-15 or ISO-8859-1 are told apart, and a file that supports two
/// readings is refused with the lines that disagree rather than decoded wrong.
/// </summary>
public class WholeFileEncodingTests
{
    static WholeFileEncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    // 100 KB of plain lines first: whatever decides the encoding comes after the old 64 KiB sample.
    private static readonly string Head = string.Concat(Enumerable.Range(0, 4_000).Select(i => $"{i:D14};ligne {i};1234,50\n"));

    private static async Task<(string Text, string Encoding)> ReadAsync(byte[] bytes)
    {
        var (reader, encoding) = await DeliveredContent.OpenTextAsync(new MemoryStream(bytes), CancellationToken.None);
        using (reader) return (await reader.ReadToEndAsync(), encoding.WebName);
    }

    private static byte[] In(string encoding, string text) => Encoding.GetEncoding(encoding).GetBytes(text);

    public static TheoryData<string, string, string> Files() => new()
    {
        // ’ “ ” € – are bytes 0x80–0x9F in Windows-1252, control characters in ISO-8859.
        { "windows-1252", "Raison sociale : l’entreprise « Dupont » doit 5 000 € – “relance”\n", "windows-1252" },
        // œ Œ between letters, € beside figures: ISO-8859-15.
        { "iso-8859-15", "Cœur de Bœuf SARL;ŒUVRES;12 € 50\n", "iso-8859-15" },
        // ½ beside a figure, ° and é as in both: ISO-8859-1.
        { "iso-8859-1", "Surface 2½ pièces;angle 90°\n", "iso-8859-1" },
        { "utf-8", "Société Générale d'Études – 5 € – cœur\n", "utf-8" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task The_encoding_is_decided_by_the_whole_file(string written, string tail, string expected)
    {
        var (text, encoding) = await ReadAsync(In(written, Head + tail));

        Assert.Equal(expected, encoding, ignoreCase: true);
        Assert.Equal(Head + tail, text);
    }

    [Fact]
    public async Task A_file_supporting_two_single_byte_readings_is_refused_with_the_lines()
    {
        // œ (ISO-8859-15) on one line, ½ (ISO-8859-1) on another: the same bytes cannot be both.
        var bytes = In("iso-8859-15", Head + "Cœur SARL\n").Concat(In("iso-8859-1", "Surface 2½\n")).ToArray();

        var refused = await Assert.ThrowsAsync<FileRefusedException>(() => ReadAsync(bytes));
        Assert.Contains("line 4001", refused.Message, StringComparison.Ordinal);
        Assert.Contains("line 4002", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_UTF_8_at_first_and_Latin_9_later_is_refused_not_half_mangled()
    {
        var bytes = In("utf-8", "Siret;Raison sociale\n11111111111111;Société\n" + Head).Concat(In("iso-8859-15", "22222222222222;Société\n")).ToArray();

        var refused = await Assert.ThrowsAsync<FileRefusedException>(() => ReadAsync(bytes));
        Assert.Contains("mixes encodings: line 2 is UTF-8, line 4003 is not", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_UTF_8_character_cut_by_a_read_buffer_stays_UTF_8()
    {
        // The evidence is gathered 64 KiB at a time: put a multi-byte character across every boundary.
        var text = string.Concat(Enumerable.Range(0, 30_000).Select(i => i % 7 == 0 ? "€é" : "a"));
        var (read, encoding) = await ReadAsync(In("utf-8", text));

        Assert.Equal(("utf-8", text), (encoding, read));
    }
}
