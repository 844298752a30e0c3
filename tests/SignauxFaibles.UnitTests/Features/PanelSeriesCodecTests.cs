using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Features.Panel;
using SignauxFaibles.Indicators.Panel;
using SignauxFaibles.UnitTests.Indicators;

namespace SignauxFaibles.UnitTests.Features;

/// <summary>The stored form of a company's or an establishment's months: one value, each month as changes from the one before.</summary>
public sealed class PanelSeriesCodecTests
{
    private static readonly PanelSchema Schema = PanelSchema.Establishment;

    private static PanelRow Row(YearMonth month, Action<double[], string?[]> fill)
    {
        var values = new double[Schema.Values.Count];
        Array.Fill(values, double.NaN);
        var labels = new string?[Schema.Labels.Count];
        fill(values, labels);
        return new PanelRow(PanelScenario.Company, PanelScenario.HeadOffice, month, values, labels);
    }

    [Fact]
    public void Every_month_comes_back_with_its_complete_values_and_labels()
    {
        PanelRow[] rows =
        [
            Row(new YearMonth(2020, 1), (v, l) => { v[0] = 1.5; v[1] = -0.0; v[3] = 1e300; l[0] = "Île-de-France"; }),
            Row(new YearMonth(2020, 2), (v, l) => { v[0] = 1.5; v[1] = 0.0; v[3] = 1e300; l[0] = "Île-de-France"; }),   // −0 → 0 is a change
            Row(new YearMonth(2020, 3), (v, l) => { v[1] = 0.0; v[2] = -7; l[1] = ""; }),                                  // 1.5 and 1e300 now missing, a label gone
            Row(new YearMonth(2020, 6), (v, l) => { v[^1] = 42; l[^1] = "75"; }),                                           // months need not follow each other
        ];

        var decoded = PanelSeriesCodec.Decode(PanelSeriesCodec.Encode(rows, Schema), Schema).ToList();

        Assert.Equal(rows.Select(r => r.Month.Index), decoded.Select(m => m.Month));
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(rows[i].Values.Select(BitConverter.DoubleToInt64Bits), decoded[i].Values.Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(rows[i].Labels, decoded[i].Labels);
        }
    }

    [Fact]
    public void A_month_equal_to_the_one_before_costs_eight_bytes()
    {
        var month = new YearMonth(2016, 1);
        PanelRow Same(int i) => Row(month.AddMonths(i), (v, l) => { v[0] = 12.25; v[5] = 3; l[0] = "25.62B"; });

        var one = PanelSeriesCodec.Encode([Same(0)], Schema).Length;
        var twelve = PanelSeriesCodec.Encode([.. Enumerable.Range(0, 12).Select(Same)], Schema).Length;

        // Header 9; first month: index 4, two counts 2 + 2, two values 2 × 10, one label 2 + 4 + 6.
        Assert.Equal(9 + 4 + 2 + 20 + 2 + 12, one);
        Assert.Equal(one + 11 * (4 + 2 + 2), twelve);
    }

    [Fact]
    public void Equal_series_encode_to_equal_bytes()
    {
        PanelRow[] Series() => [Row(new YearMonth(2020, 1), (v, _) => v[2] = double.NaN), Row(new YearMonth(2020, 2), (v, l) => { v[2] = 0.1; l[0] = "x"; })];

        Assert.Equal(PanelSeriesCodec.Encode(Series(), Schema), PanelSeriesCodec.Encode(Series(), Schema));
    }

    [Fact]
    public void A_cut_or_padded_value_is_refused_with_where_it_ends()
    {
        var bytes = PanelSeriesCodec.Encode([Row(new YearMonth(2020, 1), (v, _) => v[0] = 1), Row(new YearMonth(2020, 2), (v, _) => v[0] = 2)], Schema);

        var cut = Assert.Throws<InvalidDataException>(() => PanelSeriesCodec.Decode(bytes[..^3], Schema).ToList());
        Assert.Contains($"8 bytes needed at byte {bytes.Length - 10} of {bytes.Length - 3}", cut.Message);
        var padded = Assert.Throws<InvalidDataException>(() => PanelSeriesCodec.Decode([.. bytes, 0], Schema).ToList());
        Assert.Contains("1 bytes after its last month", padded.Message);
        Assert.Throws<InvalidDataException>(() => PanelSeriesCodec.Decode([9, .. bytes[1..]], Schema).ToList());
    }

    [Fact]
    public void Months_out_of_order_are_refused()
    {
        var rows = new[] { Row(new YearMonth(2020, 2), (_, _) => { }), Row(new YearMonth(2020, 1), (_, _) => { }) };

        Assert.Throws<ArgumentException>(() => PanelSeriesCodec.Encode(rows, Schema));
    }
}
