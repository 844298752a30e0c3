using Parquet;
using Parquet.Schema;
using SignauxFaibles.Indicators.Panel;

namespace SignauxFaibles.Indicators.Output;

/// <summary>Panel rows as Parquet: the CSV's columns, values as nullable doubles, one row group per ~100,000 rows.</summary>
public sealed class PanelParquetWriter : IAsyncDisposable
{
    private const int RowGroupSize = 100_000;
    private readonly Stream _stream;
    private readonly ParquetWriter _writer;
    private readonly ParquetSchema _schema;
    private readonly PanelSchema _panel;
    private readonly bool _withSiret;
    private readonly List<PanelRow> _pending = [];

    private PanelParquetWriter(Stream stream, ParquetWriter writer, ParquetSchema schema, PanelSchema panel, bool withSiret)
    {
        (_stream, _writer, _schema, _panel, _withSiret) = (stream, writer, schema, panel, withSiret);
    }

    public static async Task<PanelParquetWriter> CreateAsync(string path, PanelSchema panel, bool withSiret, CancellationToken ct)
    {
        List<Field> fields = [new DataField<string>("siren")];
        if (withSiret) fields.Add(new DataField<string>("siret"));
        fields.Add(new DataField<string>("periode"));
        fields.AddRange(panel.Labels.Select(l => new DataField<string>(l, true)));
        fields.AddRange(panel.Values.Select(v => new DataField<double?>(v)));
        var schema = new ParquetSchema(fields);
        var stream = File.Create(path);
        var writer = await ParquetWriter.CreateAsync(schema, stream, cancellationToken: ct);
        return new PanelParquetWriter(stream, writer, schema, panel, withSiret);
    }

    public async Task AddAsync(IEnumerable<PanelRow> rows, CancellationToken ct)
    {
        _pending.AddRange(rows);
        if (_pending.Count >= RowGroupSize) await FlushAsync(ct);
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        if (_pending.Count == 0) return;
        var fields = _schema.GetDataFields();
        using var group = _writer.CreateRowGroup();
        var f = 0;
        await group.WriteAsync(fields[f++], _pending.Select(r => r.Siren.Value).ToArray());
        if (_withSiret) await group.WriteAsync(fields[f++], _pending.Select(r => r.Siret?.Value ?? string.Empty).ToArray());
        await group.WriteAsync(fields[f++], _pending.Select(r => r.Month.ToString()).ToArray());
        for (var l = 0; l < _panel.Labels.Count; l++)
        {
            await group.WriteAsync(fields[f++], _pending.Select(r => r.Labels[l]!).ToArray());
        }
        var values = new double?[_pending.Count];
        for (var v = 0; v < _panel.Values.Count; v++)
        {
            for (var r = 0; r < _pending.Count; r++)
            {
                var x = _pending[r].Values[v];
                values[r] = double.IsNaN(x) ? null : x;
            }
            await group.WriteAsync<double>(fields[f++], values.AsMemory(0, _pending.Count), null, null, ct);
        }
        _pending.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await FlushAsync(CancellationToken.None);
        await _writer.DisposeAsync();
        await _stream.DisposeAsync();
    }
}
