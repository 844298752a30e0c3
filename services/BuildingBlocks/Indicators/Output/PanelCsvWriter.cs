using System.Globalization;
using SignauxFaibles.Indicators.Panel;

namespace SignauxFaibles.Indicators.Output;

/// <summary>
/// Panel rows as CSV: <c>siren[,siret],periode</c>, the labels, then the values (invariant
/// culture, shortest round-trip form; empty = missing). Labels never contain commas or quotes
/// (codes), so no quoting is needed; one is refused rather than written ambiguously.
/// </summary>
public sealed class PanelCsvWriter : IAsyncDisposable
{
    private readonly StreamWriter _writer;
    private readonly bool _withSiret;
    private readonly char[] _buffer = new char[64];

    public PanelCsvWriter(string path, PanelSchema schema, bool withSiret)
    {
        _writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false), 1 << 20);
        _withSiret = withSiret;
        _writer.Write(withSiret ? "siren,siret,periode" : "siren,periode");
        foreach (var name in schema.Labels.Concat(schema.Values))
        {
            _writer.Write(',');
            _writer.Write(name);
        }
        _writer.Write('\n');
    }

    public void Write(IEnumerable<PanelRow> rows)
    {
        foreach (var row in rows)
        {
            _writer.Write(row.Siren.Value);
            if (_withSiret)
            {
                _writer.Write(',');
                _writer.Write(row.Siret?.Value);
            }
            _writer.Write(',');
            _writer.Write(row.Month.ToString());
            foreach (var label in row.Labels)
            {
                if (label is not null && label.AsSpan().IndexOfAny(",\"\n\r") >= 0) throw new InvalidDataException($"label '{label}' cannot be written unquoted");
                _writer.Write(',');
                _writer.Write(label);
            }
            foreach (var value in row.Values)
            {
                _writer.Write(',');
                if (double.IsNaN(value)) continue;
                value.TryFormat(_buffer, out var written, default, CultureInfo.InvariantCulture);
                _writer.Write(_buffer, 0, written);
            }
            _writer.Write('\n');
        }
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
