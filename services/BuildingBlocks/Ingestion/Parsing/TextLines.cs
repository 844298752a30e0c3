using nietras.SeparatedValues;

namespace SignauxFaibles.Ingestion.Parsing;

/// <summary>The lines of a delimited text after its header, one physical line at a time, blank ones included.</summary>
internal abstract class TextLines : IDisposable
{
    /// <summary>The current line's number in the file (the header is line 1).</summary>
    public long Number { get; private set; } = 1;

    /// <summary>The current line as read: a line over the limit may come cut just past it.</summary>
    public abstract ReadOnlySpan<char> Text { get; }

    /// <summary>The current line's length in the file.</summary>
    public abstract long Length { get; }

    public bool MoveNext()
    {
        if (!Read()) return false;
        Number++;
        return true;
    }

    /// <summary>The current line's fields, by the format's rules (a line within the limit only).</summary>
    public abstract string[] Split();

    public virtual void Dispose()
    {
    }

    protected abstract bool Read();
}

/// <summary>
/// The production reading: Sep cuts each line on the separator with quotes as data (linear, and
/// a line is a row whatever its quotes); a line holding a quote goes whole to the format's
/// splitter. Lines are capped by <see cref="CappedLineReader"/>, so memory stays bounded.
/// </summary>
internal sealed class SepLines : TextLines
{
    private readonly CappedLineReader _capped;
    private readonly SepReader _reader;
    private readonly LineFormat _format;
    private readonly int _maxLineLength;
    private long _length;
    private string?[] _previous = [];

    public SepLines(TextReader reader, LineFormat format, int maxLineLength)
    {
        _format = format;
        _maxLineLength = maxLineLength;
        _capped = new CappedLineReader(reader, maxLineLength);
        _reader = Sep.Reader(o => o with
        {
            Sep = new Sep(format.Separator),
            HasHeader = false,
            DisableQuotesParsing = true,
            DisableColCountCheck = true,
        }).From(_capped, leaveOpen: true);
    }

    public override ReadOnlySpan<char> Text => _reader.Current.Span;

    public override long Length => _length;

    public override string[] Split()
    {
        var row = _reader.Current;
        if (_format.HasQuoting && row.Span.Contains('"')) return _format.Split(row.Span.ToString());
        var fields = new string[row.ColCount];
        if (_previous.Length < fields.Length) Array.Resize(ref _previous, fields.Length);
        for (var i = 0; i < fields.Length; i++)
        {
            var field = row[i].Span;
            if (_format.TrimsFields) field = field.Trim();
            // A value often repeats the line above's in the same column (codes, dates, an account's
            // lines in a row): reusing that string saves an allocation per field.
            var previous = _previous[i];
            fields[i] = previous is not null && field.SequenceEqual(previous) ? previous : _previous[i] = field.ToString();
        }
        return fields;
    }

    public override void Dispose() => _reader.Dispose();

    protected override bool Read()
    {
        if (!_reader.MoveNext()) return false;
        var length = _reader.Current.Span.Length;
        _length = length > _maxLineLength ? _capped.TakeOverlongLength() : length;
        return true;
    }
}

/// <summary>
/// The reading before Sep: <see cref="TextReader.ReadLine"/>, then the format's splitter on every
/// line. Kept as the reference the Sep reading is checked against, and as the baseline of
/// <c>sf bench parse</c>; no delivery goes through it.
/// </summary>
internal sealed class ReadLineLines(TextReader reader, LineFormat format) : TextLines
{
    private string _text = string.Empty;

    public override ReadOnlySpan<char> Text => _text;

    public override long Length => _text.Length;

    public override string[] Split() => format.Split(_text);

    protected override bool Read()
    {
        if (reader.ReadLine() is not { } text) return false;
        _text = text;
        return true;
    }
}
