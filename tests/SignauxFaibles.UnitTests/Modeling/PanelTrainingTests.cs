using System.Globalization;
using System.Text;
using System.Text.Json;
using SignauxFaibles.Cli.Model;
using SignauxFaibles.Modeling.Data;
using SignauxFaibles.Modeling.Evaluation;
using SignauxFaibles.Modeling.Scoring;
using SignauxFaibles.Modeling.Training;

namespace SignauxFaibles.UnitTests.Modeling;

/// <summary>
/// The panel training run end to end on a small constructed panel: 400 companies over three
/// years, a sixth of which enter a proceeding after their URSSAF debt builds up; a 6-month horizon.
/// </summary>
public sealed class PanelTrainingTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"sf-model-test-{Guid.NewGuid():N}");

    private static readonly PanelTrainingOptions Options = new()
    {
        HorizonMonths = 6,
        TestMonths = 6,
        Boosting = new NestedTrainingOptions
        {
            Candidates = [new LightGbmSettings { Trees = 40, LearningRate = 0.2, Leaves = 7, MinExamplesPerLeaf = 20 }, new LightGbmSettings { Trees = 40, LearningRate = 0.1, Leaves = 4 }],
            CombinedFeatures = 0,
            FinalSeeds = 2,
        },
    };

    public PanelTrainingTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string WritePanel() => WritePanel(_directory);

    /// <summary>The constructed panel (also replayed by <see cref="MonthlyBacktestTests"/>).</summary>
    internal static string WritePanel(string directory)
    {
        var random = new Random(3);
        var csv = new StringBuilder("siren,periode,naf_section,departement,ratio_dette,effectif,etat_proc_collective,en_procedure,outcome\n");
        for (var c = 0; c < 400; c++)
        {
            int? failure = random.NextDouble() < 1.0 / 6 ? random.Next(8, 42) : null;
            var size = 1 + random.Next(50);
            for (var m = 0; m < 36; m++)
            {
                // Debt builds up over the year before the proceeding; others carry noise only.
                var pressure = failure is { } f && m > f - 12 ? (m - (f - 12)) / 12.0 : 0;
                var debt = Math.Max(0, pressure * 2 + random.NextDouble() * 0.8 - 0.3);
                var inProceeding = failure is { } g && m >= g;
                var known = m + 6 <= 35;
                // As in the real export, a proceeding that already opened is a known 1 even before the horizon is over.
                var outcome = failure is { } h && h <= m + 6 ? "1" : known ? "0" : "";
                csv.Append(CultureInfo.InvariantCulture, $"{100_000_000 + c * 7},{2020 + m / 12}-{m % 12 + 1:D2},{(c % 3 == 0 ? "C" : "G")},59,");
                // Headcounts start in the second year, as a history starts with the panel's window.
                csv.Append(CultureInfo.InvariantCulture, $"{(random.NextDouble() < 0.1 ? "" : debt.ToString("R", CultureInfo.InvariantCulture))},{(m < 12 ? "" : size)},,{(inProceeding ? 1 : 0)},{outcome}\n");
            }
        }
        var path = Path.Combine(directory, "panel.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    [Fact]
    public void Writes_report_plots_metrics_and_loadable_models()
    {
        var output = new StringWriter();
        var reportDirectory = Path.Combine(_directory, "out");
        var panelFile = WritePanel();
        // Verdicts on two months of the first company and one of another, by the version that raised them.
        var data = PanelCsvReader.Read(panelFile);
        var judged = Enumerable.Range(0, data.Table.Count).Where(i => data.Table.Labels[i]).Take(1)
            .Concat(Enumerable.Range(0, data.Table.Count).Where(i => !data.Table.Labels[i]).Take(2)).ToArray();
        var verdicts = Path.Combine(_directory, "verdicts.csv");
        File.WriteAllText(verdicts, "siren,periode,model_version,useful,level,recorded_at\n"
            + string.Concat(judged.Select((i, k) => $"{data.Table.Groups![i]},{data.Periods[i]},v3,{(k < 2 ? 1 : 0)},High,2026-12-01T10:00:00+00:00\n")));
        PanelTrainingRun.Run(panelFile, reportDirectory, Options, output, new StringWriter(), verdicts);

        foreach (var file in new[] { "report.md", "roc.png", "precision_recall.png", "calibration.png", "metrics.json", "lightgbm/model.json", "lightgbm/member-1.zip", "logistic/member-0.zip" })
            Assert.True(File.Exists(Path.Combine(reportDirectory, file)), file);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(Path.Combine(reportDirectory, "roc.png"))[..4]);

        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(reportDirectory, "metrics.json")));
        var models = metrics.RootElement.GetProperty("models").EnumerateArray().ToArray();
        Assert.Equal(["LightGBM", "logistic regression"], models.Select(m => m.GetProperty("name").GetString()));
        var lightGbmAuc = models[0].GetProperty("metrics").GetProperty("rocAuc").GetDouble();
        Assert.True(lightGbmAuc > 0.8, $"LightGBM ROC AUC {lightGbmAuc:F3}");
        Assert.Contains("ratio_dette", metrics.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetString()));
        Assert.Contains("| LightGBM |", File.ReadAllText(Path.Combine(reportDirectory, "report.md")), StringComparison.Ordinal);
        // Per version: 3 verdicts, 2 useful, all 3 months found in the panel, 1 followed by a proceeding (and judged useful).
        Assert.Contains("| v3 | 3 | 2 (67 %) | 3 | 1 | 1 |", File.ReadAllText(Path.Combine(reportDirectory, "report.md")), StringComparison.Ordinal);

        // The model to register: refitted up to the last labelled month, carrying its report and provenance.
        var production = ScoringModel.Load(Path.Combine(reportDirectory, "production"));
        Assert.Equal("2022-06", production.Manifest.TrainTo);
        Assert.StartsWith("sha256:", production.Manifest.TrainingFingerprint, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(production.Manifest.CodeVersion));
        // The gate's reference is the latest labelled year, whose histories are as deep as the live panel's.
        Assert.Equal(0, production.Manifest.MissingRates!["effectif"]);
        Assert.InRange(production.Manifest.MissingRates["ratio_dette"], 0.05, 0.15);
        Assert.True(production.Explainer is not null, "the production model must be explainable");
        foreach (var file in new[] { "report.md", "metrics.json", "roc.png" })
            Assert.True(File.Exists(Path.Combine(reportDirectory, "production", file)), $"production/{file}");
    }

    [Fact]
    public void A_verdict_file_line_that_cannot_be_read_names_its_line_and_column()
    {
        var path = Path.Combine(_directory, "verdicts.csv");
        File.WriteAllText(path, "siren,periode,model_version,useful\n123456789,2024-06,v1,1\n123456789,2024-13,v1,1\n");
        var error = Assert.Throws<TrainingFileException>(() => VerdictFile.Read(path));
        Assert.Equal((3, 2, "2024-13"), (error.Line, error.Column, error.RawValue));
        File.WriteAllText(path, "siren,periode,model_version,useful\n123456789,2024-06,v1,oui\n");
        Assert.Equal(4, Assert.Throws<TrainingFileException>(() => VerdictFile.Read(path)).Column);
    }

    [Fact]
    public void Splits_by_time_and_company_and_excludes_companies_in_proceeding()
    {
        var panel = PanelCsvReader.Read(WritePanel());
        var result = PanelEvaluation.Run(panel, Options);
        // Outcomes are known up to 2022-06 (six months before the panel's end): the test period is
        // its last six months, and training stops one horizon before the test period starts.
        Assert.Equal("2022-01", result.TestFrom);
        Assert.Equal("2022-06", result.TestTo);
        Assert.Equal("2021-07", result.TrainTo);
        Assert.True(result.TestRowsInProceeding > 0);
        Assert.InRange(result.TestCompanies, 80, 160);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_saved_model_scores_single_rows_like_the_trained_one_from_many_threads(bool boosting)
    {
        var panel = PanelCsvReader.Read(WritePanel());
        var trained = new NestedTraining(boosting ? Options.Boosting : Options.Logistic, seed: 1).Fit(panel.Table);
        var directory = Path.Combine(_directory, "model");
        ScoringModel.Save(trained, panel.Table.FeatureNames, directory, "LightGBM", new Dictionary<string, double>());
        var loaded = ScoringModel.Load(directory);

        var rows = panel.Table.Rows.Take(200).ToArray();
        var expected = trained.Probabilities(rows);
        var scored = new RiskScore[rows.Length];
        Parallel.For(0, rows.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => scored[i] = loaded.Score(rows[i]));
        for (var i = 0; i < rows.Length; i++) Assert.Equal(expected[i], scored[i].Probability, 5);
        Assert.All(scored, s => Assert.Equal(
            s.Probability >= trained.Red.Threshold ? AlertLevel.Red : s.Probability >= trained.Orange.Threshold ? AlertLevel.Orange : AlertLevel.None, s.Level));
    }
}
