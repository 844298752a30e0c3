namespace SignauxFaibles.Ingestion.Parsing;

/// <summary>
/// Passes text through, but keeps only the first <c>max + 1</c> characters of a longer line and
/// drops the rest up to its end, noting the line's true length. So whoever reads behind it (Sep)
/// never holds more than one capped line, however long the lines of a hostile file, and a line
/// over the limit is still seen, one character too long, to be rejected.
/// </summary>
/// <remarks>
/// Line ends are '\n', '\r' or both, as <see cref="TextReader.ReadLine"/> has them. A chunk that
/// cannot hold an overlong line (the usual case by far) is only looked at from its last line end.
/// </remarks>
internal sealed class CappedLineReader(TextReader inner, int max) : TextReader
{
    private readonly Queue<long> _overlong = new();
    private long _lineLength;

    /// <summary>The true length of the next line over the limit, in the order they were read.</summary>
    public long TakeOverlongLength() => _overlong.Dequeue();

    public override int Read(Span<char> buffer)
    {
        while (true)
        {
            var read = inner.Read(buffer);
            if (read == 0)
            {
                EndLine();
                return 0;
            }
            var kept = Cap(buffer[..read]);
            if (kept > 0) return kept;
        }
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    // Disposing is the owner's business: the reader was handed in open.
    protected override void Dispose(bool disposing)
    {
    }

    /// <summary>Drops in place what lies past the cap; returns the count of characters kept.</summary>
    private int Cap(Span<char> chunk)
    {
        if (_lineLength + chunk.Length <= max)
        {
            var last = chunk.LastIndexOfAny('\r', '\n');
            _lineLength = last < 0 ? _lineLength + chunk.Length : chunk.Length - last - 1;
            return chunk.Length;
        }
        int read = 0, written = 0;
        while (read < chunk.Length)
        {
            var end = chunk[read..].IndexOfAny('\r', '\n');
            var length = end < 0 ? chunk.Length - read : end;
            var keep = (int)Math.Clamp(max + 1 - _lineLength, 0, length);
            if (written != read) chunk.Slice(read, keep).CopyTo(chunk[written..]);
            written += keep;
            read += length;
            _lineLength += length;
            if (end < 0) break;
            EndLine();
            chunk[written++] = chunk[read++];
        }
        return written;
    }

    private void EndLine()
    {
        if (_lineLength > max) _overlong.Enqueue(_lineLength);
        _lineLength = 0;
    }
}
