using SignauxFaibles.Modeling.Data;

namespace SignauxFaibles.UnitTests.Modeling;

public sealed class PanelCsvReaderTests
{
    private const string Header = "siren,periode,naf_section,departement,ratio_dette,effectif,etat_proc_collective,en_procedure,outcome\n";

    private static PanelData Read(string body) => PanelCsvReader.Read(new StringReader(Header + body), "panel.csv");

    [Fact]
    public void Reads_indicators_labels_and_one_hot_sections()
    {
        var panel = Read("""
            123456789,2021-03,C,59,0.5,12,,0,1
            123456789,2021-04,C,59,,12,,0,0
            987654321,2021-03,F,75,1.25,3,,1,1
            987654321,2021-09,F,75,2,3,,0,

            """);
        Assert.Equal(["ratio_dette", "effectif", "naf_section=C", "naf_section=F"], panel.Table.FeatureNames);
        Assert.Equal(3, panel.Table.Count);
        Assert.Equal(1, panel.UnlabelledRows);
        Assert.Equal([0.5f, 12f, 1f, 0f], panel.Table.Rows[0]);
        Assert.True(float.IsNaN(panel.Table.Rows[1][0]));
        Assert.Equal([true, false, true], panel.Table.Labels);
        Assert.Equal([false, false, true], panel.InProceeding);
        Assert.Equal(["123456789", "123456789", "987654321"], panel.Table.Groups!);
        Assert.Equal(1, panel.Table.Times![1] - panel.Table.Times[0]);
        Assert.Equal(["departement"], panel.IgnoredColumns);
        Assert.Empty(panel.Rejects);
    }

    [Fact]
    public void Only_rows_of_the_detection_perimeter_are_kept_and_perimetre_is_no_feature()
    {
        var panel = PanelCsvReader.Read(new StringReader("""
            siren,periode,ratio_dette,perimetre,en_procedure,outcome
            123456789,2021-03,0.5,1,0,1
            123456789,2021-04,0.7,0,0,1
            987654321,2021-03,1.25,,0,0

            """), "panel.csv");
        Assert.Equal(["ratio_dette"], panel.Table.FeatureNames);
        Assert.Equal(2, panel.Table.Count);
        Assert.Equal(1, panel.OutOfPerimeterRows);
        Assert.Equal([0.5f, 1.25f], panel.Table.Rows.Select(r => r[0]));
    }

    [Fact]
    public void Bad_lines_are_rejected_one_by_one_and_the_others_kept()
    {
        var panel = Read("""
            12345678,2021-03,C,59,0.5,12,,0,1
            123456789,2021-13,C,59,0.5,12,,0,1
            123456789,2021-03,C,59,abc,12,,0,1
            123456789,2021-03,C,59,0.5,12,,0,2
            123456789,2021-03,C,59,0.5
            123456789,2021-05,C,59,0.5,12,,0,0

            """);
        Assert.Equal(1, panel.Table.Count);
        Assert.Equal(
            [(2, "siren", "12345678"), (3, "periode", "2021-13"), (4, "ratio_dette", "abc"), (5, "outcome", "2"), (6, "", "123456789,2021-03,C,59,0.5")],
            panel.Rejects.OrderBy(r => r.Line).Select(r => (r.Line, r.Column, r.RawValue)));
        Assert.All(panel.Rejects, r => Assert.Equal("panel.csv", r.File));
    }

    [Fact]
    public void A_panel_without_outcome_is_refused()
    {
        var error = Assert.Throws<TrainingFileException>(() => PanelCsvReader.Read(new StringReader("siren,periode,x\n123456789,2021-01,1\n"), "p.csv"));
        Assert.Contains("outcome", error.Reason, StringComparison.Ordinal);
    }
}
