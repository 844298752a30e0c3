namespace SignauxFaibles.Synthesis.Population;

/// <summary>A headcount band with its share of companies and its Sirene size-band code.</summary>
public sealed record SizeBand(int Min, int Max, double Share);

/// <summary>
/// Sizes of companies with 10 or more employees, approximate shares rounded from INSEE's counts
/// of legal units by Sirene size band (10–19 about half, 20–49 a third, then a long tail up to
/// the few thousand-employee groups).
/// </summary>
public static class SizeBands
{
    public static readonly SizeBand[] All =
    [
        new(10, 19, 52.0), new(20, 49, 32.0), new(50, 99, 8.5), new(100, 249, 4.9),
        new(250, 499, 1.4), new(500, 1999, 0.9), new(2000, 10000, 0.3),
    ];

    public static readonly double[] Cumulative = Randomness.Rng.Cumulate(All.Select(b => b.Share));

    public static int BandOf(int headcount)
    {
        for (var i = All.Length - 1; i >= 0; i--)
            if (headcount >= All[i].Min) return i;
        return 0;
    }

    /// <summary>INSEE's "tranche d'effectifs" code of a headcount (NN = no employee at all).</summary>
    public static string SireneCode(int headcount) => headcount switch
    {
        <= 0 => "NN",
        <= 2 => "01",
        <= 5 => "02",
        <= 9 => "03",
        <= 19 => "11",
        <= 49 => "12",
        <= 99 => "21",
        <= 199 => "22",
        <= 249 => "31",
        <= 499 => "32",
        <= 999 => "41",
        <= 1999 => "42",
        <= 4999 => "51",
        <= 9999 => "52",
        _ => "53",
    };
}
