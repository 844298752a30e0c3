using SignauxFaibles.Contracts.Identifiers;

namespace SignauxFaibles.Indicators.Panel;

/// <summary>
/// A company's (or an establishment's) indicators as columns over consecutive months, NaN where
/// a value is missing — the calculators' working space, turned into rows at the end.
/// </summary>
public sealed class MonthFrame(YearMonth first, YearMonth last)
{
    private readonly Dictionary<string, double[]> _columns = new(StringComparer.Ordinal);

    public YearMonth First { get; } = first;
    public YearMonth Last { get; } = last;
    public int Count { get; } = last.MonthsSince(first) + 1;
    public Dictionary<string, string?> Labels { get; } = new(StringComparer.Ordinal);

    public int IndexOf(YearMonth month) => month.MonthsSince(First);
    public YearMonth MonthAt(int index) => First.AddMonths(index);
    public bool Contains(int index) => index >= 0 && index < Count;

    /// <summary>The column, created all-missing on first use.</summary>
    public double[] Column(string name)
    {
        if (!_columns.TryGetValue(name, out var values))
        {
            values = new double[Count];
            Array.Fill(values, double.NaN);
            _columns[name] = values;
        }
        return values;
    }

    public double[]? Find(string name) => _columns.GetValueOrDefault(name);

    /// <summary>Writes the column <paramref name="target"/> as <paramref name="source"/> shifted by <paramref name="months"/>.</summary>
    public void Lag(string source, int months, string target)
    {
        var from = Column(source);
        var to = Column(target);
        for (var i = months; i < Count; i++) to[i] = from[i - months];
    }

    public void Lags(string source, params int[] months)
    {
        foreach (var k in months) Lag(source, k, $"{source}_past_{k}");
    }

    /// <summary>Mean over the window ending at <paramref name="index"/>; NaN unless every month of it has a value.</summary>
    public static double FullWindowMean(double[] values, int index, int window)
    {
        if (index - window + 1 < 0) return double.NaN;
        var sum = 0.0;
        for (var i = index - window + 1; i <= index; i++)
        {
            if (double.IsNaN(values[i])) return double.NaN;
            sum += values[i];
        }
        return sum / window;
    }

    public static double Flag(bool value) => value ? 1 : 0;
}
