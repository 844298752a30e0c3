using SignauxFaibles.Modeling.Data;
using SignauxFaibles.Modeling.Metrics;
using SignauxFaibles.Modeling.Scoring;
using SignauxFaibles.Modeling.Training;

namespace SignauxFaibles.Modeling.Evaluation;

/// <summary>How the monthly backtest replays the service.</summary>
public sealed record BacktestOptions
{
    public int HorizonMonths { get; init; } = 18;
    /// <summary>List months replayed: the last labelled ones.</summary>
    public int Origins { get; init; } = 12;
    /// <summary>The model is refitted every that many list months (a service retrains now and then, not every month).</summary>
    public int RefitEveryMonths { get; init; } = 3;
    /// <summary>Hysteresis band of the levels (<see cref="StableLevels"/>); the flap rate is also given without it.</summary>
    public double HysteresisBand { get; init; } = StableLevels.DefaultBand;
    public int BootstrapSamples { get; init; } = 200;
    public int Seed { get; init; } = 1;
    /// <summary>The boosted procedure refitted at each origin: the production one's first candidate, one seed (a backtest fits it many times).</summary>
    public NestedTrainingOptions Boosting { get; init; } = NestedTrainingOptions.Panel with { Candidates = [NestedTrainingOptions.Panel.Candidates[0]], FinalSeeds = 1 };
}

/// <summary>One list month as the service would have produced it.</summary>
public sealed record BacktestMonth(
    string Month, string ModelTrainedTo, int Companies, int Positives, int Red, int Orange,
    double? RedPrecision, double RedRecall, double? ListPrecision, double ListRecall, double? PrAuc, double CalibrationError);

/// <summary>A figure with its 95 % interval (bootstrap over companies).</summary>
public sealed record Interval(double Value, double Low, double High);

/// <summary>A model's backtest: each month, the pooled figures with intervals, lead time and flap rates.</summary>
public sealed record ModelBacktest(
    string Name, IReadOnlyList<BacktestMonth> Months,
    Interval RedPrecision, Interval RedRecall, Interval ListPrecision, Interval ListRecall, Interval PrAuc,
    double CalibrationError, LeadTime Lead, double FlapRate, double FlapRateWithoutHysteresis)
{
    /// <summary>
    /// The first model's PR AUC minus this one's, with its 95 % interval from the same resamples of
    /// companies for both (paired): whether the first model is better, not only higher. Null for the first.
    /// </summary>
    public Interval? PrAucGapToFirst { get; init; }
}

/// <summary>
/// The monthly backtest: for each of the last labelled months (the origins), the red and orange
/// lists a service would have published then — scored by a model trained only on rows whose
/// outcome was known at that month (refitted every few months), levels held by the previous
/// month's list (<see cref="StableLevels"/>) — judged against what happened within the horizon.
/// Only rows of the detection perimeter, not already in a proceeding, are scored (the population of
/// the service). Intervals come from resampling whole companies. The "orange list" counts every
/// company flagged, red or orange.
/// </summary>
public static class MonthlyBacktest
{
    public static IReadOnlyList<ModelBacktest> Run(PanelData panel, BacktestOptions options, Action<string>? log = null)
    {
        var table = panel.Table;
        var times = table.Times ?? throw new ArgumentException("The panel has no months.");
        var groups = table.Groups ?? throw new ArgumentException("The panel has no SIRENs.");
        var lastOrigin = panel.LastTime - options.HorizonMonths;
        var origins = Enumerable.Range(lastOrigin - options.Origins + 1, options.Origins).ToArray();
        var results = new List<ModelBacktest>();
        (string[] Companies, double[] Probabilities, bool[] Labels)? first = null;
        foreach (var (name, procedure) in new[] { ("LightGBM", options.Boosting), ("logistic regression", NestedTrainingOptions.Logistic) })
        {
            var scored = new List<(int Origin, int Row, double Probability, double Red, double Orange)>();
            var months = new List<BacktestMonth>();
            TrainedModel? model = null;
            var trainedTo = 0;
            var trainedToByOrigin = new Dictionary<int, int>();
            foreach (var origin in origins)
            {
                if (model is null || (origin - origins[0]) % options.RefitEveryMonths == 0)
                {
                    trainedTo = origin - options.HorizonMonths;
                    var train = Enumerable.Range(0, table.Count).Where(i => times[i] <= trainedTo && !panel.InProceeding[i]).ToArray();
                    log?.Invoke($"{name}: list of {Period(origin)}, training on {train.Length:N0} rows up to {Period(trainedTo)}");
                    model = new NestedTraining(procedure, options.Seed).Fit(table.Subset(train));
                }
                trainedToByOrigin[origin] = trainedTo;
                var rows = Enumerable.Range(0, table.Count).Where(i => times[i] == origin).ToArray();
                var probabilities = model.Probabilities(rows.Select(i => table.Rows[i]).ToArray());
                for (var k = 0; k < rows.Length; k++) scored.Add((origin, rows[k], probabilities[k], model.Red.Threshold, model.Orange.Threshold));
            }
            var stable = Levels(scored, groups, options.HysteresisBand);
            var raw = Levels(scored, groups, 0);
            foreach (var origin in origins)
            {
                var month = scored.Select((s, k) => (s, k)).Where(x => x.s.Origin == origin && !panel.InProceeding[x.s.Row]).ToArray();
                months.Add(Figures(Period(origin), Period(trainedToByOrigin[origin]), month.Select(x => (x.s.Probability, stable[x.k], table.Labels[x.s.Row])).ToArray()));
            }
            var pooled = scored.Select((s, k) => (s, k)).Where(x => !panel.InProceeding[x.s.Row]).ToArray();
            var companies = pooled.Select(x => groups[x.s.Row]).ToArray();
            var outcome = pooled.Select(x => (x.s.Probability, Level: stable[x.k], Label: table.Labels[x.s.Row])).ToArray();
            var pooledProbabilities = outcome.Select(x => x.Probability).ToArray();
            results.Add(new ModelBacktest(name, months,
                Bootstrap(companies, outcome, o => Precision(o, AlertLevel.Red), options),
                Bootstrap(companies, outcome, o => Recall(o, AlertLevel.Red), options),
                Bootstrap(companies, outcome, o => Precision(o, AlertLevel.Orange), options),
                Bootstrap(companies, outcome, o => Recall(o, AlertLevel.Orange), options),
                Bootstrap(companies, outcome, o => Ranking.AveragePrecision(o.Select(x => x.Probability).ToArray(), o.Select(x => x.Label).ToArray()), options),
                CalibrationError(outcome.Select(x => x.Probability).ToArray(), outcome.Select(x => x.Label).ToArray()),
                Lead(scored, stable, groups, times, panel.InProceeding),
                FlapRate(scored, stable, groups), FlapRate(scored, raw, groups))
            {
                PrAucGapToFirst = first is { } f ? PairedPrAucGap(f, pooledProbabilities, options) : null,
            });
            first ??= (companies, pooledProbabilities, outcome.Select(x => x.Label).ToArray());
        }
        return results;
    }

    /// <summary>Each scored row's level, month by month, held by the company's level the month before.</summary>
    private static AlertLevel[] Levels(List<(int Origin, int Row, double Probability, double Red, double Orange)> scored, IReadOnlyList<string> groups, double band)
    {
        var levels = new AlertLevel[scored.Count];
        var previous = new Dictionary<string, AlertLevel>(StringComparer.Ordinal);
        foreach (var origin in scored.Select(s => s.Origin).Distinct().Order())
        {
            var current = new Dictionary<string, AlertLevel>(StringComparer.Ordinal);
            for (var k = 0; k < scored.Count; k++)
            {
                if (scored[k].Origin != origin) continue;
                var company = groups[scored[k].Row];
                levels[k] = StableLevels.Of(scored[k].Probability, scored[k].Red, scored[k].Orange, previous.GetValueOrDefault(company), band);
                current[company] = levels[k];
            }
            previous = current;
        }
        return levels;
    }

    private static BacktestMonth Figures(string month, string trainedTo, (double Probability, AlertLevel Level, bool Label)[] rows)
    {
        var positives = rows.Count(r => r.Label);
        return new BacktestMonth(month, trainedTo, rows.Length, positives,
            rows.Count(r => r.Level == AlertLevel.Red), rows.Count(r => r.Level == AlertLevel.Orange),
            NullIfNaN(Precision(rows, AlertLevel.Red)), Recall(rows, AlertLevel.Red),
            NullIfNaN(Precision(rows, AlertLevel.Orange)), Recall(rows, AlertLevel.Orange),
            positives > 0 && positives < rows.Length ? Ranking.AveragePrecision(rows.Select(r => r.Probability).ToArray(), rows.Select(r => r.Label).ToArray()) : null,
            CalibrationError(rows.Select(r => r.Probability).ToArray(), rows.Select(r => r.Label).ToArray()));
    }

    /// <summary>Precision of the companies at <paramref name="atLeast"/> or above (NaN when none).</summary>
    private static double Precision(IReadOnlyList<(double Probability, AlertLevel Level, bool Label)> rows, AlertLevel atLeast)
    {
        var flagged = rows.Where(r => r.Level >= atLeast).ToArray();
        return flagged.Length == 0 ? double.NaN : (double)flagged.Count(r => r.Label) / flagged.Length;
    }

    private static double Recall(IReadOnlyList<(double Probability, AlertLevel Level, bool Label)> rows, AlertLevel atLeast)
    {
        var positives = rows.Count(r => r.Label);
        return positives == 0 ? 0 : (double)rows.Count(r => r.Label && r.Level >= atLeast) / positives;
    }

    /// <summary>Expected calibration error over ten bins of equal size: the mean gap between predicted and observed rates.</summary>
    public static double CalibrationError(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels)
    {
        var bins = CalibrationBins.Quantiles(probabilities, labels);
        var rows = bins.Sum(b => b.Count);
        return rows == 0 ? 0 : bins.Sum(b => b.Count * Math.Abs(b.MeanPredicted - b.ObservedRate)) / rows;
    }

    /// <summary>The figure on all rows, and its 2.5 and 97.5 percentiles over samples of whole companies drawn with replacement.</summary>
    private static Interval Bootstrap<T>(string[] companies, T[] rows, Func<IReadOnlyList<T>, double> figure, BacktestOptions options)
    {
        var byCompany = Enumerable.Range(0, rows.Length).GroupBy(i => companies[i]).Select(g => g.ToArray()).ToArray();
        var random = new Random(options.Seed);
        var samples = new List<double>(options.BootstrapSamples);
        for (var b = 0; b < options.BootstrapSamples; b++)
        {
            var sample = new List<T>(rows.Length);
            for (var c = 0; c < byCompany.Length; c++)
                foreach (var i in byCompany[random.Next(byCompany.Length)]) sample.Add(rows[i]);
            var value = figure(sample);
            if (!double.IsNaN(value)) samples.Add(value);
        }
        samples.Sort();
        double At(double q) => samples.Count == 0 ? double.NaN : samples[(int)Math.Clamp(Math.Round(q * (samples.Count - 1)), 0, samples.Count - 1)];
        return new Interval(figure(rows), At(0.025), At(0.975));
    }

    /// <summary>
    /// PR AUC of the first model minus the other's, on all rows and over resamples of whole companies
    /// that are the same for both: both models scored the same rows in the same order.
    /// </summary>
    private static Interval PairedPrAucGap((string[] Companies, double[] Probabilities, bool[] Labels) first, double[] other, BacktestOptions options)
    {
        if (other.Length != first.Probabilities.Length) throw new InvalidOperationException("the models did not score the same rows");
        var indices = Enumerable.Range(0, other.Length).ToArray();
        double Gap(IReadOnlyList<int> rows)
        {
            var labels = rows.Select(i => first.Labels[i]).ToArray();
            return Ranking.AveragePrecision(rows.Select(i => first.Probabilities[i]).ToArray(), labels)
                - Ranking.AveragePrecision(rows.Select(i => other[i]).ToArray(), labels);
        }
        return Bootstrap(first.Companies, indices, Gap, options);
    }

    /// <summary>Months from a company's first month on a list (red or orange) to the month its proceeding opened, within the replayed months.</summary>
    private static LeadTime Lead(List<(int Origin, int Row, double Probability, double Red, double Orange)> scored, AlertLevel[] levels,
        IReadOnlyList<string> groups, IReadOnlyList<int> times, IReadOnlyList<bool> inProceeding)
    {
        var companies = scored.Select(s => groups[s.Row]).ToArray();
        var months = scored.Select(s => times[s.Row]).ToArray();
        var proceeding = scored.Select(s => inProceeding[s.Row]).ToArray();
        // A level as a probability the lead-time rule can read: flagged = 1.
        var flagged = levels.Select(l => l == AlertLevel.None ? 0.0 : 1.0).ToArray();
        return Segments.Lead(companies, months, proceeding, flagged, 1.0);
    }

    /// <summary>Share of a company's month-to-month level changes that are undone the next month (A → B → A), over companies listed at least once.</summary>
    private static double FlapRate(List<(int Origin, int Row, double Probability, double Red, double Orange)> scored, AlertLevel[] levels, IReadOnlyList<string> groups)
    {
        var (changes, flaps) = (0, 0);
        foreach (var company in Enumerable.Range(0, scored.Count).GroupBy(k => groups[scored[k].Row]))
        {
            var path = company.OrderBy(k => scored[k].Origin).Select(k => levels[k]).ToArray();
            if (path.All(l => l == AlertLevel.None)) continue;
            for (var t = 1; t < path.Length; t++)
            {
                if (path[t] == path[t - 1]) continue;
                changes++;
                if (t + 1 < path.Length && path[t + 1] == path[t - 1]) flaps++;
            }
        }
        return changes == 0 ? 0 : (double)flaps / changes;
    }

    private static double? NullIfNaN(double value) => double.IsNaN(value) ? null : value;

    private static string Period(int t) => $"{t / 12:D4}-{t % 12 + 1:D2}";
}
