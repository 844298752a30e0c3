using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.UnitTests.Ingestion;

public sealed class ColumnMapTests
{
    private static readonly ColumnMap Map = ColumnMap.FromHeader(["Siren", "Periode", " Mt_PO ", "Mt_PP"]);

    [Fact]
    public void Lookups_in_any_order_and_repeated_give_the_header_positions()
    {
        var map = ColumnMap.FromHeader(["Siren", "Periode", " Mt_PO ", "Mt_PP"]);
        string[] asked = ["Mt_PP", "siren", "Absent", "Periode", "Periode", "mt_po", "Mt_PP"];
        int[] expected = [3, 0, -1, 1, 1, 2, 3];
        // Three passes: the first learns the order, the next ones take the sequential path,
        // the last one asks in another order.
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < asked.Length; i++) Assert.Equal(expected[i], map.IndexOf(asked[i]));
        }
        for (var i = asked.Length - 1; i >= 0; i--) Assert.Equal(expected[i], map.IndexOf(asked[i]));
    }

    [Fact]
    public void Missing_columns_are_reported_and_indexer_throws()
    {
        Assert.False(Map.Has("Siret"));
        Assert.True(Map.Has("MT_PO"));
        Assert.Throws<KeyNotFoundException>(() => Map["Siret"]);
        Assert.Equal(4, Map.Count);
    }
}
