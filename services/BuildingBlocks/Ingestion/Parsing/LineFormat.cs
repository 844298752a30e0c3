namespace SignauxFaibles.Ingestion.Parsing;

/// <summary>
/// How a layout's lines split into fields: the separator, whether fields are trimmed, and the
/// quoting rules of a line that holds a quote. Sep cuts every line on the separator with quotes
/// taken as data; only a line holding a quote is handed whole to the format's own splitter, so
/// the loose rules stay exactly as they were and a quote never reaches past its line.
/// </summary>
public sealed class LineFormat
{
    private readonly Func<string, string[]>? _quotedLine;

    private LineFormat(char separator, bool trimsFields, Func<string, string[]>? quotedLine)
    {
        Separator = separator;
        TrimsFields = trimsFields;
        _quotedLine = quotedLine;
    }

    /// <summary>URSSAF, Diane, BdF, paydex, Ellisphère: ';' with loose quoting (<see cref="SeparatedLine"/>), trimmed.</summary>
    public static LineFormat Semicolon { get; } = Loose(';');

    /// <summary>DGEFP, Altares: ',' with loose quoting (<see cref="SeparatedLine"/>), trimmed.</summary>
    public static LineFormat Comma { get; } = Loose(',');

    /// <summary>Open-data CSV (Sirene): ',' with RFC 4180 quoting on one line (<see cref="CommaLine"/>), not trimmed.</summary>
    public static LineFormat OpenDataComma { get; } = new(',', trimsFields: false, CommaLine.Split);

    public char Separator { get; }

    /// <summary>Whether a field loses its surrounding white space (as <see cref="string.Trim()"/>).</summary>
    public bool TrimsFields { get; }

    /// <summary>Whether a quote changes how a line splits; when not, a quote is data like any character.</summary>
    public bool HasQuoting => _quotedLine is not null;

    /// <summary>The separator with loose quoting (<see cref="SeparatedLine"/>), fields trimmed.</summary>
    public static LineFormat Loose(char separator) => new(separator, trimsFields: true, line => SeparatedLine.Split(line, separator));

    /// <summary>The separator alone: a quote is data. Fields trimmed.</summary>
    public static LineFormat Unquoted(char separator) => new(separator, trimsFields: true, null);

    /// <summary>
    /// Splits a whole line by the format's own rules: the header, each line holding a quote, and
    /// the line-by-line reference reading.
    /// </summary>
    public string[] Split(string line)
    {
        if (_quotedLine is not null) return _quotedLine(line);
        var fields = line.Split(Separator);
        if (TrimsFields)
        {
            for (var i = 0; i < fields.Length; i++) fields[i] = fields[i].Trim();
        }
        return fields;
    }
}
