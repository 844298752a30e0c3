using System.Globalization;
using System.Text;
using SignauxFaibles.Modeling.Evaluation;

namespace SignauxFaibles.Cli.Model;

/// <summary>The Markdown evaluation report of a panel training run, with the reference figures of model.md beside ours.</summary>
internal static class PanelReportWriter
{
    public static string Write(PanelEvaluationResult r, string panelFile, int horizon, string machine, TimeSpan elapsed, int outOfPerimeterRows = 0,
        IReadOnlyList<VersionVerdicts>? verdicts = null)
    {
        var text = new StringBuilder();
        void Line(FormattableString s) => text.AppendLine(s.ToString(CultureInfo.InvariantCulture));
        Line($"# Risk model evaluation — {Path.GetFileName(panelFile)}");
        Line($"");
        Line($"Label: a collective proceeding opens within {horizon} months. Split by time and by company: training");
        Line($"{r.TrainFrom}…{r.TrainTo} ({r.TrainRows:N0} rows, {r.TrainPositives:N0} positive, {r.TrainCompanies:N0} companies), test");
        Line($"{r.TestFrom}…{r.TestTo} ({r.TestRows:N0} rows, {r.TestPositives:N0} positive, {r.TestCompanies:N0} other companies). Training stops one");
        Line($"horizon before the test period, so every training label was known when the test period began. Rows of companies");
        Line($"already in a proceeding are excluded from training and from the main figures ({r.TestRowsInProceeding:N0} test rows);");
        Line($"the \"with proceedings\" columns put them back. Hyper-parameters, calibration and thresholds were chosen on inner");
        Line($"folds of whole training companies, never on the test split. One population everywhere: only rows of the detection");
        Line($"perimeter, the companies the service scores, are used ({outOfPerimeterRows:N0} rows outside it left out), and `perimetre` is no feature.");
        Line($"{r.FeatureNames.Count} features. Run on {machine} in {elapsed.TotalSeconds:F0} s.");
        Line($"");
        Line($"| model | ROC AUC | PR AUC | ROC AUC with proceedings | PR AUC with proceedings | Brier |");
        Line($"|---|---|---|---|---|---|");
        foreach (var m in r.Models)
            Line($"| {m.Name} | {m.RocAuc:F3} | {m.PrAuc:F3} | {m.RocAucWithProceedings:F3} | {m.PrAucWithProceedings:F3} | {m.Brier:F4} |");
        Line($"");
        Line($"## Alert levels (thresholds chosen on validation, counted on the test split)");
        Line($"");
        Line($"| model | level | threshold (probability) | flagged | precision | recall |");
        Line($"|---|---|---|---|---|---|");
        foreach (var m in r.Models)
        {
            Line($"| {m.Name} | red (max F0.5) | {m.Red.Threshold:F3} | {m.Red.Flagged:N0} | {m.Red.Precision:F3} | {m.Red.Recall:F3} |");
            Line($"| {m.Name} | orange (max F2) | {m.Orange.Threshold:F3} | {m.Orange.Flagged:N0} | {m.Orange.Precision:F3} | {m.Orange.Recall:F3} |");
        }
        Line($"");
        Line($"## By company size and by sector (test split; AUCs only where both outcomes occur)");
        Line($"");
        Line($"| model | group | rows | positive | ROC AUC | PR AUC | red P / R | orange P / R |");
        Line($"|---|---|---|---|---|---|---|---|");
        foreach (var m in r.Models)
            foreach (var s in m.BySize.Concat(m.BySector.Select(x => x with { Segment = $"NAF {x.Segment}" })))
                Line($"| {m.Name} | {s.Segment} | {s.Rows:N0} | {s.Positives:N0} | {Auc(s.RocAuc)} | {Auc(s.PrAuc)} | {Rate(s.Red)} | {Rate(s.Orange)} |");
        Line($"");
        Line($"## Lead time (months from the first red flag to the proceeding, test companies whose proceeding opened during the test period)");
        Line($"");
        Line($"| model | companies | flagged red before | median months | mean months |");
        Line($"|---|---|---|---|---|");
        foreach (var m in r.Models)
            Line($"| {m.Name} | {m.Lead.Companies:N0} | {m.Lead.Caught:N0} | {Months(m.Lead.MedianMonths)} | {Months(m.Lead.MeanMonths)} |");
        Line($"");
        Line($"Chosen: {string.Join("; ", r.Models.Select(m => $"{m.Name}: {m.Model.Chosen} (inner ROC AUC {m.Model.InnerRocAuc:F3})"))}.");
        Line($"");
        Line($"![ROC](roc.png) ![Precision–recall](precision_recall.png) ![Calibration](calibration.png)");
        Line($"");
        Line($"## Reference figures (model.md)");
        Line($"");
        Line($"| system / dataset | figure |");
        Line($"|---|---|");
        Line($"| reference system, March 2024, random forest, 18 months | ROC AUC 0.93, average precision 0.51; red P 0.62 R 0.37; orange P 0.36 R 0.69 |");
        Line($"| reference system, June 2021, logistic regression | red P 0.863 R 0.353; AUCPR 0.522 |");
        Line($"| reference system, Sept 2021, firms in proceeding removed | ROC AUC 0.80, AUCPR 0.15 |");
        Line($"");
        Line($"## Officers' verdicts per model version");
        Line($"");
        if (verdicts is not { Count: > 0 })
        {
            Line($"No verdicts were given to this run (`--verdicts`, the export of `GET /scoring/api/verdicts?format=csv`).");
            return text.ToString();
        }
        Line($"Verdicts on the alerts each version raised, beside what the panel says happened (a useful alert on a company that");
        Line($"recovered is a success, not a false alarm: verdicts are shown beside the labels, not turned into them).");
        Line($"");
        Line($"| model version | verdicts | useful | judged months in this panel | followed by a proceeding | useful and followed by a proceeding |");
        Line($"|---|---|---|---|---|---|");
        foreach (var v in verdicts)
            Line($"| {v.ModelVersion} | {v.Verdicts:N0} | {v.Useful:N0} ({(v.Verdicts == 0 ? 0 : (double)v.Useful / v.Verdicts):P0}) | {v.Judged:N0} | {v.FollowedByProceeding:N0} | {v.UsefulFollowedByProceeding:N0} |");
        return text.ToString();
    }

    /// <summary>"precision / recall", each "—" when undefined (nothing flagged, no positive).</summary>
    private static string Rate(SignauxFaibles.Modeling.Metrics.ThresholdOutcome o) =>
        $"{(o.Flagged == 0 ? "—" : o.Precision.ToString("F2", CultureInfo.InvariantCulture))} / {(o.Positives == 0 ? "—" : o.Recall.ToString("F2", CultureInfo.InvariantCulture))}";

    private static string Auc(double? value) => value is { } v ? v.ToString("F3", CultureInfo.InvariantCulture) : "—";

    private static string Months(double? value) => value is { } v ? v.ToString("F1", CultureInfo.InvariantCulture) : "—";
}
