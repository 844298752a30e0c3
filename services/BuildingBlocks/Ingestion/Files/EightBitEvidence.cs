using System.Text;
using System.Text.Unicode;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.Ingestion.Files;

/// <summary>
/// What a whole file says about its single-byte encoding, gathered buffer by buffer: whether it is
/// valid UTF-8 from end to end; whether it holds bytes 0x80–0x9F (printable in Windows-1252: € ’ “ ”
/// – …, control characters in ISO-8859); and, for the eight bytes where ISO-8859-15 and ISO-8859-1
/// differ, which reading their neighbours support (œ Œ Š š Ž ž Ÿ sit between letters, € beside
/// figures; ½ ¼ ¾ beside figures, ¤ ¦ ¨ ´ ¸ elsewhere).
/// </summary>
internal sealed class EightBitEvidence
{
    private readonly byte[] _carry = new byte[3];
    private int _carried;
    private long _line = 1;
    private byte _previous;

    public bool IsUtf8 { get; private set; } = true;

    /// <summary>Line of the first well-formed multi-byte UTF-8 sequence.</summary>
    public long? FirstUtf8Line { get; private set; }

    /// <summary>Line of the first byte that is not UTF-8.</summary>
    public long? FirstNonUtf8Line { get; private set; }

    public (long Line, byte Byte)? FirstC1 { get; private set; }

    public (long Line, byte Byte)? FirstLatin9 { get; private set; }

    public (long Line, byte Byte)? FirstLatin1 { get; private set; }

    public void Add(ReadOnlySpan<byte> chunk)
    {
        if (IsUtf8 && !CheckUtf8(chunk))
        {
            IsUtf8 = false;
            FirstNonUtf8Line = _line + chunk[..FirstInvalid(chunk)].Count((byte)'\n');
        }
        var offset = 0;
        while (chunk[offset..].IndexOfAnyInRange((byte)0x80, (byte)0xFF) is var found and >= 0)
        {
            var at = offset + found;
            var line = _line + chunk[offset..at].Count((byte)'\n');
            _line = line;
            Weigh(chunk, at, line);
            offset = at + 1;
        }
        _line += chunk[offset..].Count((byte)'\n');
        if (chunk.Length > 0) _previous = chunk[^1];
    }

    /// <summary>The encoding the evidence supports, or why it cannot be told.</summary>
    public Encoding Decide()
    {
        // A sequence left unfinished at the end of the file is not UTF-8.
        if (IsUtf8 && _carried == 0) return new UTF8Encoding(false);
        if (FirstUtf8Line is { } utf8)
        {
            // Part UTF-8, part not: any single reading mangles one of them.
            throw new FileRefusedException(
                $"The file mixes encodings: line {utf8} is UTF-8, line {FirstNonUtf8Line ?? _line} is not. Deliver it in one encoding (UTF-8 preferred).");
        }
        if (FirstC1 is not null) return EncodingDetector.Windows1252;
        if (FirstLatin9 is { } nine && FirstLatin1 is { } one)
        {
            throw new FileRefusedException(
                $"The encoding cannot be told apart: byte 0x{nine.Byte:X2} on line {nine.Line} reads as ISO-8859-15 ('{Latin9Char(nine.Byte)}'), "
                + $"byte 0x{one.Byte:X2} on line {one.Line} as ISO-8859-1 ('{Latin1Char(one.Byte)}'). Deliver the file in UTF-8, or with a single encoding.");
        }
        return FirstLatin1 is not null ? Encoding.Latin1 : EncodingDetector.Latin9;
    }

    private void Weigh(ReadOnlySpan<byte> chunk, int at, long line)
    {
        var b = chunk[at];
        if (FirstUtf8Line is null && IsUtf8Sequence(chunk[at..])) FirstUtf8Line = line;
        if (b <= 0x9F)
        {
            FirstC1 ??= (line, b);
            return;
        }
        if (b is not (0xA4 or 0xA6 or 0xA8 or 0xB4 or 0xB8 or 0xBC or 0xBD or 0xBE)) return;
        var before = at > 0 ? chunk[at - 1] : _previous;
        var after = at + 1 < chunk.Length ? chunk[at + 1] : (byte)0;
        bool latin9 = b switch
        {
            0xA4 => true, // € (ISO-8859-15) rather than ¤, which no export writes
            0xBC or 0xBD or 0xBE => IsLetter(before) || IsLetter(after), // Œ œ Ÿ in words; ¼ ½ ¾ beside figures
            _ => IsLetter(before) && IsLetter(after), // Š š Ž ž inside words; ¦ ¨ ´ ¸ as marks
        };
        if (latin9) FirstLatin9 ??= (line, b);
        else FirstLatin1 ??= (line, b);
    }

    private static bool IsLetter(byte b) => b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= 0xC0 and not 0xD7 and not 0xF7;

    private static char Latin9Char(byte b) => EncodingDetector.Latin9.GetString([b])[0];

    private static char Latin1Char(byte b) => Encoding.Latin1.GetString([b])[0];

    // Strict UTF-8 over the whole file: a sequence cut by the end of a buffer is finished with the next one.
    private bool CheckUtf8(ReadOnlySpan<byte> chunk)
    {
        if (_carried > 0)
        {
            var length = SequenceLength(_carry[0]);
            var need = length - _carried;
            if (chunk.Length < need)
            {
                chunk.CopyTo(_carry.AsSpan(_carried));
                _carried += chunk.Length;
                return true;
            }
            Span<byte> joined = stackalloc byte[4];
            _carry.AsSpan(0, _carried).CopyTo(joined);
            chunk[..need].CopyTo(joined[_carried..]);
            _carried = 0;
            if (!Utf8.IsValid(joined[..length])) return false;
            chunk = chunk[need..];
        }
        var cut = IncompleteTail(chunk);
        if (!Utf8.IsValid(chunk[..^cut])) return false;
        chunk[^cut..].CopyTo(_carry);
        _carried = cut;
        return true;
    }

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>Where the first byte that is not UTF-8 lies (only asked once, when there is one).</summary>
    private static int FirstInvalid(ReadOnlySpan<byte> chunk)
    {
        try
        {
            StrictUtf8.GetCharCount(chunk);
            return chunk.Length;
        }
        catch (DecoderFallbackException ex)
        {
            return Math.Clamp(ex.Index, 0, chunk.Length);
        }
    }

    /// <summary>Whether a well-formed multi-byte UTF-8 sequence starts here.</summary>
    private static bool IsUtf8Sequence(ReadOnlySpan<byte> from)
    {
        var length = SequenceLength(from[0]);
        return length > 1 && from.Length >= length && Utf8.IsValid(from[..length]);
    }

    /// <summary>How many bytes at the end start a sequence the buffer does not finish (0–3).</summary>
    private static int IncompleteTail(ReadOnlySpan<byte> chunk)
    {
        for (var back = 1; back <= Math.Min(3, chunk.Length); back++)
        {
            var b = chunk[^back];
            if ((b & 0xC0) == 0x80) continue; // a continuation byte: look further back
            var length = SequenceLength(b);
            return length > back ? back : 0;
        }
        return 0;
    }

    private static int SequenceLength(byte lead) => lead switch
    {
        < 0x80 => 1,
        >= 0xC2 and <= 0xDF => 2,
        >= 0xE0 and <= 0xEF => 3,
        >= 0xF0 and <= 0xF4 => 4,
        _ => 0,
    };
}
