using System.Text;

namespace SignauxFaibles.Ingestion.Parsing;

/// <summary>The first line of a delimited text, read before the lines' reader takes over.</summary>
internal static class HeaderLine
{
    /// <summary>
    /// The header, or null for an empty text. Read a character at a time up to the limit, so a
    /// file without line ends is refused without being held; a "\r\n" end is consumed whole
    /// (the readers handed in, StreamReader and StringReader, can peek).
    /// </summary>
    public static string? Read(TextReader reader, int maxLength, string fileName)
    {
        var text = new StringBuilder();
        while (reader.Read() is var c and >= 0)
        {
            if (c == '\n') return text.ToString();
            if (c == '\r')
            {
                if (reader.Peek() == '\n') reader.Read();
                return text.ToString();
            }
            if (text.Length == maxLength)
                throw new FileRefusedException($"{fileName}:1: a header line longer than the {maxLength:N0} characters a line may have.");
            text.Append((char)c);
        }
        return text.Length == 0 ? null : text.ToString();
    }
}
