using System.Buffers.Binary;
using System.Text;

namespace SignauxFaibles.Indicators.Panel;

/// <summary>
/// Walks a series written by <see cref="PanelSeriesCodec"/> month by month, keeping the current
/// month's complete values and labels in arrays it reuses (copy them to keep them). Columns the
/// schema no longer has are ignored, columns it gained are missing, as after a definition change.
/// </summary>
public sealed class PanelSeriesReader
{
    private readonly byte[] _bytes;
    private int _offset;
    private int _monthsLeft;

    public PanelSeriesReader(byte[] bytes, PanelSchema schema)
    {
        _bytes = bytes;
        if (Byte() != PanelSeriesCodec.Version) throw new InvalidDataException($"Panel series of version {bytes[0]}, expected {PanelSeriesCodec.Version}.");
        UInt16();
        UInt16();
        _monthsLeft = Int32();
        if (_monthsLeft < 0) throw new InvalidDataException($"Panel series with {_monthsLeft} months.");
        Values = new double[schema.Values.Count];
        Array.Fill(Values, double.NaN);
        Labels = new string?[schema.Labels.Count];
    }

    /// <summary><see cref="Contracts.Identifiers.YearMonth.Index"/> of the current month.</summary>
    public int Month { get; private set; }

    public double[] Values { get; }

    public string?[] Labels { get; }

    /// <returns>False after the last month.</returns>
    public bool Next()
    {
        if (_monthsLeft == 0)
        {
            if (_offset != _bytes.Length) throw new InvalidDataException($"Panel series has {_bytes.Length - _offset} bytes after its last month.");
            return false;
        }
        _monthsLeft--;
        Month = Int32();
        for (int n = UInt16(); n > 0; n--)
        {
            int column = UInt16();
            var value = BinaryPrimitives.ReadDoubleLittleEndian(Take(8));
            if (column < Values.Length) Values[column] = value;
        }
        for (int n = UInt16(); n > 0; n--)
        {
            int column = UInt16();
            var length = Int32();
            var label = length < 0 ? null : Encoding.UTF8.GetString(Take(length));
            if (column < Labels.Length) Labels[column] = label;
        }
        return true;
    }

    private ReadOnlySpan<byte> Take(int n)
    {
        if (n > _bytes.Length - _offset) throw new InvalidDataException($"Panel series cut short: {n} bytes needed at byte {_offset} of {_bytes.Length}.");
        var span = _bytes.AsSpan(_offset, n);
        _offset += n;
        return span;
    }

    private byte Byte() => Take(1)[0];
    private ushort UInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));
    private int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));
}
