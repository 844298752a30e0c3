using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.UnitTests.Ingestion.Reading;

public class CappedLineReaderTests
{
    [Fact]
    public void Keeps_one_character_past_the_limit_of_each_line_and_tells_the_true_lengths()
    {
        // Small limits and random read sizes reach every way a line and its end fall across reads.
        var random = new Random(7);
        char[] alphabet = ['a', 'b', '\r', '\n', ';'];
        for (var n = 0; n < 20_000; n++)
        {
            var max = random.Next(1, 8);
            var text = new string([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var capped = new CappedLineReader(new ChoppyReader(text, random), max);

            var read = new List<string>();
            var cappedText = new StringReader(ReadAll(capped, random));
            while (cappedText.ReadLine() is { } line) read.Add(line);

            var expected = Lines(text);
            Assert.Equal(expected.Select(l => l.Length > max ? l[..(max + 1)] : l), read);
            foreach (var line in expected.Where(l => l.Length > max)) Assert.Equal(line.Length, capped.TakeOverlongLength());
        }
    }

    private static List<string> Lines(string text)
    {
        var lines = new List<string>();
        var reader = new StringReader(text);
        while (reader.ReadLine() is { } line) lines.Add(line);
        return lines;
    }

    private static string ReadAll(TextReader reader, Random random)
    {
        var all = new System.Text.StringBuilder();
        var buffer = new char[8];
        while (reader.Read(buffer.AsSpan(0, random.Next(1, buffer.Length + 1))) is var n and > 0) all.Append(buffer, 0, n);
        return all.ToString();
    }

    /// <summary>Hands its text out in reads of random sizes.</summary>
    private sealed class ChoppyReader(string text, Random random) : TextReader
    {
        private int _at;

        public override int Read(Span<char> buffer)
        {
            var n = Math.Min(Math.Min(buffer.Length, random.Next(1, 6)), text.Length - _at);
            text.AsSpan(_at, n).CopyTo(buffer);
            _at += n;
            return n;
        }
    }
}
