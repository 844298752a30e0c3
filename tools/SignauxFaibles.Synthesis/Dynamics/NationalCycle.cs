namespace SignauxFaibles.Synthesis.Dynamics;

/// <summary>
/// The national business cycle the simulation follows.
/// Failure factors: the Banque de France series of company failures (défaillances d'entreprises,
/// yearly totals, Stat Info "Défaillances d'entreprises", rounded) relative to 2019 (about 51,000):
/// about 58,000 in 2016, 54,000 in 2017–2018, then the 2020–2021 dip under the state support
/// schemes (about 32,000 and 28,000), the catch-up of 2022 (about 42,000) and the rise of
/// 2023–2025 (about 57,000, 66,000 and 68,000). Years outside the series keep the nearest factor.
/// Lockdown intensity: the months of 2020–2021 when short-time work was massive (DARES).
/// </summary>
public static class NationalCycle
{
    private static readonly (int Year, double Factor)[] Failures =
    [
        (2016, 1.14), (2017, 1.06), (2018, 1.06), (2019, 1.00), (2020, 0.63), (2021, 0.55),
        (2022, 0.82), (2023, 1.12), (2024, 1.29), (2025, 1.33),
    ];

    public static double FailureFactor(int year)
    {
        if (year <= Failures[0].Year) return Failures[0].Factor;
        if (year >= Failures[^1].Year) return Failures[^1].Factor;
        return Failures[year - Failures[0].Year].Factor;
    }

    /// <summary>0–1: how strongly lockdowns shut activity in that month (1 = spring 2020).</summary>
    public static double Lockdown(Month month) => (month.Year, month.Number) switch
    {
        (2020, 3) => 1.0,
        (2020, 4) => 0.9,
        (2020, 5) => 0.5,
        (2020, 6) => 0.2,
        (2020, 11) => 0.45,
        (2020, 10 or 12) => 0.25,
        (2021, >= 1 and <= 4) => 0.25,
        (2021, 5) => 0.15,
        _ => 0.0,
    };

    /// <summary>Wage level relative to January 2016 (2 % a year, 4.5 % in 2022–2023 with inflation), for contribution amounts.</summary>
    public static double WageIndex(Month month)
    {
        var index = 1.0;
        for (var y = 2016; y < month.Year; y++) index *= Growth(y);
        for (var y = month.Year; y < 2016; y++) index /= Growth(y);
        return index * (1 + (Growth(month.Year) - 1) * (month.Number - 1) / 12.0);
    }

    private static double Growth(int year) => year is 2022 or 2023 ? 1.045 : 1.02;
}
