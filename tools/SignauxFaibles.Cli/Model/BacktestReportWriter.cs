using System.Globalization;
using System.Text;
using SignauxFaibles.Modeling.Evaluation;

namespace SignauxFaibles.Cli.Model;

/// <summary>The monthly backtest as Markdown, beside the reference figures of model.md.</summary>
internal static class BacktestReportWriter
{
    public static string Write(IReadOnlyList<ModelBacktest> models, BacktestOptions options, string panelFile, int rows, int outOfPerimeter, string machine, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        var first = models[0].Months;
        Line($"# Monthly backtest — {Path.GetFileName(panelFile)}");
        Line($"");
        Line($"The lists a service would have published for each of the {first.Count} last labelled months ({first[0].Month} … {first[^1].Month}):");
        Line($"each month scored by a model trained only on rows whose {options.HorizonMonths}-month outcome was known then (refitted every");
        Line($"{options.RefitEveryMonths} months, with the production procedure's first candidate), levels held by the month before's list");
        Line($"(hysteresis band {options.HysteresisBand:P0} of the threshold), judged against what happened within {options.HorizonMonths} months.");
        Line($"One population: {rows:N0} labelled rows of the detection perimeter ({outOfPerimeter:N0} rows outside it left out), rows of companies");
        Line($"already in a proceeding not scored. 95 % intervals: {options.BootstrapSamples} resamples of whole companies. The orange list counts every");
        Line($"company flagged (red or orange). Run on {machine} in {elapsed.TotalSeconds:F0} s.");
        Line($"");
        Line($"## Pooled over the months, beside the reference figures (model.md)");
        Line($"");
        Line($"| model | PR AUC | red precision | red recall | orange-list precision | orange-list recall | calibration error | lead time (median, months; caught / companies) | flap rate (without hysteresis) |");
        Line($"|---|---|---|---|---|---|---|---|---|");
        foreach (var m in models)
            Line($"| {m.Name} | {Format(m.PrAuc)} | {Format(m.RedPrecision)} | {Format(m.RedRecall)} | {Format(m.ListPrecision)} | {Format(m.ListRecall)} | {m.CalibrationError:F3} | {(m.Lead.MedianMonths is { } median ? median.ToString("F1", CultureInfo.InvariantCulture) : "—")} ({m.Lead.Caught} / {m.Lead.Companies}) | {m.FlapRate:P1} ({m.FlapRateWithoutHysteresis:P1}) |");
        Line($"| reference system, March 2024, random forest | 0.51 | 0.62 | 0.37 | 0.36 | 0.69 | — | — | — |");
        Line($"| reference system, June 2021, logistic regression | 0.522 | 0.863 | 0.353 | — | — | — | — | — |");
        Line($"| reference system, Sept 2021, proceedings removed | 0.15 | — | — | — | — | — | — | — |");
        Line($"");
        foreach (var m in models.Where(m => m.PrAucGapToFirst is not null))
            Line($"PR AUC of {models[0].Name} minus {m.Name}: **{Format(m.PrAucGapToFirst!)}** (same resamples of companies for both: {(m.PrAucGapToFirst!.Low > 0 ? $"{models[0].Name} is better at 95 %" : "the interval holds 0, no difference shown at 95 %")}).");
        Line($"");
        Line($"The reference figures are the reference system's on real data (model.md); these are on the synthetic panel and say how the");
        Line($"procedure behaves, not how a model would do on real companies. The reference system's orange figures count orange only.");
        foreach (var m in models)
        {
            Line($"");
            Line($"## {m.Name}, month by month");
            Line($"");
            Line($"| list month | model trained to | companies | positive | red | orange | red P | red R | orange-list P | orange-list R | PR AUC | calibration error |");
            Line($"|---|---|---|---|---|---|---|---|---|---|---|---|");
            foreach (var month in m.Months)
                Line($"| {month.Month} | {month.ModelTrainedTo} | {month.Companies:N0} | {month.Positives:N0} | {month.Red} | {month.Orange} | {Format(month.RedPrecision)} | {month.RedRecall:F3} | {Format(month.ListPrecision)} | {month.ListRecall:F3} | {Format(month.PrAuc)} | {month.CalibrationError:F3} |");
        }
        return text.ToString();
    }

    private static string Format(Interval i) => double.IsNaN(i.Value) ? "—" : string.Create(CultureInfo.InvariantCulture, $"{i.Value:F3} [{i.Low:F3}, {i.High:F3}]");

    private static string Format(double? value) => value is { } v ? v.ToString("F3", CultureInfo.InvariantCulture) : "—";
}
