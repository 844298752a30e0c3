using SignauxFaibles.Scoring.Scores;

namespace SignauxFaibles.UnitTests.Scoring;

public sealed class SnapshotValuesTests
{
    [Fact]
    public void Values_are_stored_as_the_big_endian_bytes_postgresql_sends_for_a_real()
    {
        // The bytes of float4send(1.5), float4send(-2.25) and float4send(0.1), as PostgreSQL prints them.
        var bytes = SnapshotValues.ToBytes([1.5f, -2.25f, 0.1f]);

        Assert.Equal("3fc00000c01000003dcccccd", Convert.ToHexStringLower(bytes));
    }

    [Fact]
    public void Values_come_back_bit_for_bit_missing_ones_included()
    {
        float[] values = [0f, -0f, float.NaN, float.PositiveInfinity, 1e-40f, float.MaxValue, 0.1f, 123456.7f, -3.5f];

        var back = SnapshotValues.FromBytes(SnapshotValues.ToBytes(values));

        // PostgreSQL's own NaN (0x7fc00000, .NET's is 0xffc00000) reads as missing too.
        Assert.True(float.IsNaN(SnapshotValues.FromBytes(Convert.FromHexString("7fc00000"))[0]));

        Assert.Equal(values.Select(BitConverter.SingleToInt32Bits), back.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Bytes_that_are_not_whole_values_are_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => SnapshotValues.FromBytes(new byte[6]));

        Assert.Contains("6 bytes", error.Message);
    }
}
