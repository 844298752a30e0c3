using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace SignauxFaibles.Scoring.Scores;

/// <summary>
/// A snapshot's values as stored: 4 bytes per value, big-endian IEEE 754 (the bytes PostgreSQL's
/// own <c>float4send</c> gives). Stored as <c>bytea</c> rather than <c>real[]</c> because a rescore
/// reads every company: an array is encoded element by element by the server and decoded element
/// by element by the driver, bytes are copied.
/// </summary>
public static class SnapshotValues
{
    public static byte[] ToBytes(float[] values)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        var words = MemoryMarshal.Cast<byte, int>(bytes.AsSpan());
        if (BitConverter.IsLittleEndian) BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<float, int>(values.AsSpan()), words);
        else MemoryMarshal.Cast<float, int>(values.AsSpan()).CopyTo(words);
        return bytes;
    }

    public static float[] FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % sizeof(float) != 0)
            throw new InvalidDataException($"A snapshot's values take 4 bytes each; {bytes.Length} bytes is not a whole number of values.");
        var values = new float[bytes.Length / sizeof(float)];
        var words = MemoryMarshal.Cast<float, int>(values.AsSpan());
        if (BitConverter.IsLittleEndian) BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, int>(bytes), words);
        else MemoryMarshal.Cast<byte, int>(bytes).CopyTo(words);
        return values;
    }
}
