using SignauxFaibles.Modeling.Data;
using SignauxFaibles.Modeling.Evaluation;

namespace SignauxFaibles.UnitTests.Modeling;

/// <summary>Breakdowns of the test figures, on hand-made rows.</summary>
public sealed class SegmentsTests
{
    [Fact]
    public void Lead_time_runs_from_the_first_red_month_to_the_first_month_in_proceeding()
    {
        // a: red from month 3, proceeding at month 7 → 4 months; b: never red before its proceeding at 5;
        // c: no proceeding; d: already in proceeding at its first month (not counted).
        string[] companies = ["a", "a", "a", "a", "a", "b", "b", "b", "c", "c", "d", "d"];
        int[] months = [1, 3, 5, 7, 8, 1, 3, 5, 1, 2, 1, 2];
        bool[] inProceeding = [false, false, false, true, true, false, false, true, false, false, true, true];
        double[] p = [0.1, 0.8, 0.9, 0.9, 0.9, 0.1, 0.2, 0.9, 0.9, 0.9, 0.9, 0.9];
        var lead = Segments.Lead(companies, months, inProceeding, p, red: 0.5);
        Assert.Equal(new LeadTime(Companies: 2, Caught: 1, MedianMonths: 4, MeanMonths: 4), lead);
    }

    [Fact]
    public void Rows_fall_into_size_classes_by_headcount_and_sectors_by_their_one_hot_column()
    {
        var table = new FeatureTable(["effectif_ent", "naf_section=C", "naf_section=G"],
            [[5, 1, 0], [12, 1, 0], [300, 0, 1], [float.NaN, 0, 1], [40, 0, 0]],
            [true, false, true, false, true]);
        double[] p = [0.9, 0.1, 0.8, 0.2, 0.7];
        var bySize = Segments.BySize(table, p, red: 0.75, orange: 0.5);
        Assert.Equal(["micro (< 10)", "PME (10–249)", "ETI (250–4 999)", "unknown"], bySize.Select(s => s.Segment));
        Assert.Equal([1, 2, 1, 1], bySize.Select(s => s.Rows));
        var pme = bySize[1];
        Assert.Equal((1, 1.0, 1.0), (pme.Positives, pme.RocAuc!.Value, pme.Orange.Recall));
        Assert.Equal(0.0, pme.Red.Recall);
        var bySector = Segments.BySector(table, p, 0.75, 0.5);
        Assert.Equal(["C", "G", "unknown"], bySector.Select(s => s.Segment));
        Assert.Null(bySector[2].RocAuc);
    }
}
