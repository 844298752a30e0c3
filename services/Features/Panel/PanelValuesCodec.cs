using System.Buffers.Binary;

namespace SignauxFaibles.Features.Panel;

/// <summary>
/// A row's values stored sparsely — most rows miss most financial items — as pairs of column
/// index (2 bytes) and IEEE double (8 bytes), in column order. Equal rows encode to equal bytes.
/// </summary>
public static class PanelValuesCodec
{
    public static byte[] Encode(double[] values)
    {
        var present = 0;
        foreach (var v in values) if (!double.IsNaN(v)) present++;
        var bytes = new byte[present * 10];
        var o = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i])) continue;
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(o), (ushort)i);
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(o + 2), values[i]);
            o += 10;
        }
        return bytes;
    }

    public static double[] Decode(ReadOnlySpan<byte> bytes, int columns)
    {
        var values = new double[columns];
        Array.Fill(values, double.NaN);
        for (var o = 0; o + 10 <= bytes.Length; o += 10)
        {
            var i = BinaryPrimitives.ReadUInt16LittleEndian(bytes[o..]);
            if (i < columns) values[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes[(o + 2)..]);
        }
        return values;
    }
}
