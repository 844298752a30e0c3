using SignauxFaibles.Modeling.Evaluation;
using SignauxFaibles.Modeling.Metrics;

namespace SignauxFaibles.Cli.Model;

/// <summary>The three plots of the evaluation report (ScottPlot PNGs), one curve per model.</summary>
internal static class ReportPlots
{
    public static void Write(PanelEvaluationResult result, string directory)
    {
        Curves(result, directory, "roc.png", "ROC curve (test split)", "false-positive rate", "recall", Ranking.RocCurve, diagonal: true);
        Curves(result, directory, "precision_recall.png", "Precision–recall curve (test split)", "recall", "precision", Ranking.PrecisionRecallCurve, diagonal: false);
        Calibration(result, directory);
    }

    private static void Curves(PanelEvaluationResult result, string directory, string file, string title, string x, string y,
        Func<IReadOnlyList<double>, IReadOnlyList<bool>, IReadOnlyList<CurvePoint>> curve, bool diagonal)
    {
        var plot = new ScottPlot.Plot();
        foreach (var model in result.Models)
        {
            var points = Thin(curve(model.TestProbabilities, result.TestLabels));
            var line = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray());
            line.MarkerSize = 0;
            line.LegendText = model.Name;
        }
        if (diagonal) plot.Add.Line(0, 0, 1, 1).LinePattern = ScottPlot.LinePattern.Dashed;
        Finish(plot, title, x, y, Path.Combine(directory, file));
    }

    private static void Calibration(PanelEvaluationResult result, string directory)
    {
        var plot = new ScottPlot.Plot();
        var top = 0.0;
        foreach (var model in result.Models)
        {
            var line = plot.Add.Scatter(model.Calibration.Select(b => b.MeanPredicted).ToArray(), model.Calibration.Select(b => b.ObservedRate).ToArray());
            line.LegendText = model.Name;
            top = Math.Max(top, model.Calibration.Max(b => Math.Max(b.MeanPredicted, b.ObservedRate)));
        }
        plot.Add.Line(0, 0, top, top).LinePattern = ScottPlot.LinePattern.Dashed;
        Finish(plot, "Calibration (deciles of predicted risk, test split)", "mean predicted probability", "observed rate", Path.Combine(directory, "calibration.png"));
    }

    private static void Finish(ScottPlot.Plot plot, string title, string x, string y, string path)
    {
        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
        plot.ShowLegend();
        plot.SavePng(path, 640, 480);
    }

    /// <summary>At most about 400 points per curve: enough for the eye, small PNG and fast drawing.</summary>
    private static IReadOnlyList<CurvePoint> Thin(IReadOnlyList<CurvePoint> points)
    {
        var step = Math.Max(1, points.Count / 400);
        return points.Where((_, i) => i % step == 0 || i == points.Count - 1).ToArray();
    }
}
