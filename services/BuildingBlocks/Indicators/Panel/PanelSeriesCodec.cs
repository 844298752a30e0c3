using System.Buffers.Binary;
using System.Text;

namespace SignauxFaibles.Indicators.Panel;

/// <summary>
/// The months of one company (or one establishment) stored as one value. Each month holds only
/// the values and labels that differ from the month before — profile, yearly accounts and most
/// debt figures carry over — so ten years are one row of a few kilobytes instead of 120 rows.
/// Equal series encode to equal bytes, which lets an unchanged recomputation skip the write.
/// Kept here rather than in the feature service so that <c>sf panel dump</c> decodes the stored
/// panel with this very code without referencing the service's host.
/// </summary>
/// <remarks>
/// Layout (little-endian): version byte, value and label column counts (u16 each), month count
/// (i32); then per month its index (i32), the changed values (u16 count, then u16 column and f64,
/// NaN = now missing) and the changed labels (u16 count, then u16 column, i32 UTF-8 length or −1
/// for none, the bytes).
/// </remarks>
public static class PanelSeriesCodec
{
    public const byte Version = 1;
    private const int HeaderLength = 1 + 2 + 2 + 4;

    /// <param name="rows">One company's or one establishment's rows, months ascending.</param>
    public static byte[] Encode(IReadOnlyList<PanelRow> rows, PanelSchema schema)
    {
        var writer = new Writer(HeaderLength + rows.Count * 64);
        writer.Byte(Version);
        writer.UInt16((ushort)schema.Values.Count);
        writer.UInt16((ushort)schema.Labels.Count);
        writer.Int32(rows.Count);
        var values = new double[schema.Values.Count];
        Array.Fill(values, double.NaN);
        var labels = new string?[schema.Labels.Count];
        var previousMonth = int.MinValue;
        foreach (var row in rows)
        {
            if (row.Month.Index <= previousMonth) throw new ArgumentException($"Months must ascend: {row.Month} after index {previousMonth}.", nameof(rows));
            previousMonth = row.Month.Index;
            writer.Int32(row.Month.Index);

            var count = writer.Reserve(2);
            ushort changed = 0;
            for (var i = 0; i < values.Length; i++)
            {
                if (SameValue(values[i], row.Values[i])) continue;
                values[i] = row.Values[i];
                writer.UInt16((ushort)i);
                writer.Double(double.IsNaN(values[i]) ? double.NaN : values[i]);
                changed++;
            }
            writer.UInt16At(count, changed);

            count = writer.Reserve(2);
            changed = 0;
            for (var i = 0; i < labels.Length; i++)
            {
                if (string.Equals(labels[i], row.Labels[i], StringComparison.Ordinal)) continue;
                labels[i] = row.Labels[i];
                writer.UInt16((ushort)i);
                writer.Text(labels[i]);
                changed++;
            }
            writer.UInt16At(count, changed);
        }
        return writer.ToArray();
    }

    /// <summary>Every month of a stored series, each with its complete values and labels.</summary>
    public static IEnumerable<(int Month, double[] Values, string?[] Labels)> Decode(byte[] bytes, PanelSchema schema)
    {
        var reader = new PanelSeriesReader(bytes, schema);
        while (reader.Next()) yield return (reader.Month, (double[])reader.Values.Clone(), (string?[])reader.Labels.Clone());
    }

    /// <summary>Bit for bit, except that every NaN (missing) equals every other.</summary>
    public static bool SameValue(double a, double b) =>
        BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b) || (double.IsNaN(a) && double.IsNaN(b));

    /// <summary>A growing buffer; the series of a company is written once, so no pooling.</summary>
    private sealed class Writer(int capacity)
    {
        private byte[] _buffer = new byte[capacity];
        private int _length;

        private Span<byte> Take(int n)
        {
            if (_length + n > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + n));
            var span = _buffer.AsSpan(_length, n);
            _length += n;
            return span;
        }

        public void Byte(byte value) => Take(1)[0] = value;
        public void UInt16(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Take(2), value);
        public void Int32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Take(4), value);
        public void Double(double value) => BinaryPrimitives.WriteDoubleLittleEndian(Take(8), value);

        public int Reserve(int n)
        {
            Take(n);
            return _length - n;
        }

        public void UInt16At(int offset, ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(_buffer.AsSpan(offset), value);

        public void Text(string? value)
        {
            if (value is null)
            {
                Int32(-1);
                return;
            }
            var length = Encoding.UTF8.GetByteCount(value);
            Int32(length);
            Encoding.UTF8.GetBytes(value, Take(length));
        }

        public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();
    }
}
