using Microsoft.ML;

namespace SignauxFaibles.Synthesis.Calibration;

/// <summary>The ROC AUC a logistic regression reaches on the simulated panel, and what it was measured on.</summary>
public sealed record CalibrationResult(double RocAuc, double PrAuc, long TrainRows, long TestRows, double PositiveShare);

/// <summary>
/// Is the dataset neither trivial nor hopeless? Fits a logistic regression (ML.NET SDCA) on the main
/// indicators of 70 % of the companies and measures its ROC AUC on the other 30 % (split by SIREN,
/// so no company is on both sides). The generator's defaults aim at 0.80–0.88, the range an
/// honest logistic regression reached on the reference system's real data.
/// </summary>
public static class CalibrationCheck
{
    public static CalibrationResult Run(SynthesisOptions options)
    {
        var rows = SyntheticDataset.Simulate(options).SelectMany(life => PanelRows.For(life, options)).ToList();
        var ml = new MLContext(seed: 1);
        var train = ml.Data.LoadFromEnumerable(rows.Where(r => r.Fold < 7));
        var test = ml.Data.LoadFromEnumerable(rows.Where(r => r.Fold >= 7));
        string[] features =
        [
            nameof(PanelRow.DebtRatio), nameof(PanelRow.DebtRatio3MonthsAgo), nameof(PanelRow.DebtRatio12MonthMean), nameof(PanelRow.HeadcountLog),
            nameof(PanelRow.HeadcountChange12Months), nameof(PanelRow.ShortTimeWorkRatio12Months), nameof(PanelRow.PaymentPlanRunning),
            nameof(PanelRow.PaydexDays), nameof(PanelRow.PaydexMissing), nameof(PanelRow.MarginRate), nameof(PanelRow.EquityToTurnover),
            nameof(PanelRow.FinanceMissing), nameof(PanelRow.AgeYears), nameof(PanelRow.SectorRisk),
        ];
        var pipeline = ml.Transforms.Concatenate("Features", features)
            .Append(ml.Transforms.NormalizeMeanVariance("Features"))
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: nameof(PanelRow.Label), featureColumnName: "Features"));
        var model = pipeline.Fit(train);
        var metrics = ml.BinaryClassification.Evaluate(model.Transform(test), labelColumnName: nameof(PanelRow.Label));
        var testRows = rows.Count(r => r.Fold >= 7);
        return new CalibrationResult(metrics.AreaUnderRocCurve, metrics.AreaUnderPrecisionRecallCurve, rows.Count - testRows, testRows,
            (double)rows.Count(r => r.Label) / rows.Count);
    }
}
