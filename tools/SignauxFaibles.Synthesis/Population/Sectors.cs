namespace SignauxFaibles.Synthesis.Population;

/// <summary>A NAF rev. 2 section with the economic traits the simulation gives its companies.</summary>
/// <param name="Section">NAF section letter.</param>
/// <param name="Share">Share of companies with 10 or more employees in this section, percent.</param>
/// <param name="Codes">Frequent sub-classes (NAF rev. 2, "25.62B" notation) with relative weights.</param>
/// <param name="FailureRisk">Relative insolvency hazard (construction and hospitality fail most often).</param>
/// <param name="LockdownExposure">How hard the 2020–2021 lockdowns hit the section (drives short-time work).</param>
/// <param name="MonthlyWage">Mean gross monthly wage per employee, euros.</param>
/// <param name="TurnoverPerHead">Turnover per employee, thousands of euros.</param>
/// <param name="ValueAddedRate">Value added / turnover.</param>
/// <param name="BdfLabel">The Banque de France sector label of its ratio files.</param>
public sealed record Sector(
    char Section, double Share, (string Code, double Weight)[] Codes, double FailureRisk, double LockdownExposure,
    double MonthlyWage, double TurnoverPerHead, double ValueAddedRate, string BdfLabel)
{
    /// <summary>
    /// Monthly chance that an establishment pays its contributions late whatever its health: building,
    /// hospitality and road haulage often carry their cash on social debt for a month or two. There a
    /// debt says little about health, elsewhere it says much — an interaction a model must find.
    /// </summary>
    public double RoutineArrears => Section switch { 'F' or 'I' => 0.07, 'H' => 0.05, _ => 0.0 };
}

/// <summary>
/// NAF sections of the population. Shares approximate, rounded to half a point, INSEE's counts of legal units with
/// 10 or more employees by section (Sirene stock, size bands 11 and above; INSEE "Les entreprises
/// en France", 2022 edition): trade, industry and construction make half of them. Relative
/// failure risks follow the sector breakdown of the Banque de France défaillances series.
/// Wages, productivity and value-added rates are rounded orders of magnitude from INSEE ESANE.
/// </summary>
public static class Sectors
{
    private const string Industry = "01 Industrie et Transports (Hors TRM)";
    private const string Building = "02 Construction";
    private const string Trade = "03 Commerce";
    private const string Services = "04 Services";

    public static readonly Sector[] All =
    [
        new('A', 2.0, [("01.11Z", 3), ("01.50Z", 2), ("01.61Z", 2), ("02.20Z", 1)], 0.6, 0.15, 2200, 180, 0.30, Industry),
        new('B', 0.3, [("08.12Z", 1)], 0.7, 0.2, 3200, 250, 0.35, Industry),
        new('C', 14.5, [("10.71C", 3), ("25.62B", 3), ("25.11Z", 2), ("10.13B", 1), ("28.29B", 1), ("22.29A", 1), ("33.12Z", 2), ("16.23Z", 1)], 0.85, 0.55, 3000, 220, 0.30, Industry),
        new('D', 0.4, [("35.11Z", 1), ("35.30Z", 1)], 0.3, 0.1, 4200, 600, 0.25, Industry),
        new('E', 1.0, [("38.11Z", 2), ("37.00Z", 1), ("38.32Z", 1)], 0.6, 0.2, 2700, 170, 0.40, Industry),
        new('F', 14.0, [("43.21A", 3), ("43.22A", 3), ("41.20A", 2), ("43.99C", 2), ("43.32A", 2), ("43.34Z", 1)], 1.35, 0.55, 2700, 140, 0.38, Building),
        new('G', 22.0, [("47.11F", 2), ("46.90Z", 2), ("45.11Z", 2), ("47.73Z", 1), ("46.69B", 2), ("45.20A", 2), ("47.71Z", 1)], 1.0, 0.6, 2500, 300, 0.18, Trade),
        new('H', 5.5, [("49.41A", 4), ("52.29A", 2), ("49.39A", 1), ("53.20Z", 1)], 1.15, 0.55, 2700, 150, 0.40, Industry),
        new('I', 9.5, [("56.10A", 4), ("56.10C", 2), ("55.10Z", 2), ("56.21Z", 1)], 1.4, 1.0, 2000, 80, 0.45, Services),
        new('J', 3.5, [("62.01Z", 3), ("62.02A", 2), ("58.29C", 1), ("63.11Z", 1)], 0.8, 0.3, 4100, 150, 0.50, Services),
        new('K', 2.0, [("64.19Z", 1), ("66.22Z", 2), ("64.20Z", 1)], 0.4, 0.15, 4200, 250, 0.55, Services),
        new('L', 1.2, [("68.20B", 2), ("68.31Z", 2)], 0.7, 0.3, 3000, 200, 0.50, Services),
        new('M', 7.0, [("69.20Z", 2), ("71.12B", 2), ("70.22Z", 2), ("69.10Z", 1), ("73.11Z", 1)], 0.7, 0.4, 3800, 130, 0.55, Services),
        new('N', 6.5, [("81.21Z", 3), ("78.20Z", 1), ("80.10Z", 2), ("82.99Z", 1), ("77.11A", 1)], 1.1, 0.5, 2300, 70, 0.60, Services),
        new('O', 0.8, [("84.11Z", 1)], 0.05, 0.1, 2800, 90, 0.60, Services),
        new('P', 1.5, [("85.59A", 2), ("85.31Z", 1)], 0.5, 0.4, 2600, 70, 0.60, Services),
        new('Q', 5.0, [("88.10A", 2), ("86.10Z", 1), ("87.10A", 2), ("86.90A", 1)], 0.6, 0.25, 2300, 65, 0.60, Services),
        new('R', 1.3, [("93.12Z", 2), ("93.11Z", 1), ("90.01Z", 1)], 1.0, 0.9, 2400, 90, 0.45, Services),
        new('S', 2.0, [("94.99Z", 2), ("96.02A", 2), ("95.11Z", 1)], 1.0, 0.7, 2200, 75, 0.50, Services),
    ];

    public static readonly double[] Cumulative = Randomness.Rng.Cumulate(All.Select(s => s.Share));

    public static readonly double[][] CodeCumulative = [.. All.Select(s => Randomness.Rng.Cumulate(s.Codes.Select(c => c.Weight)))];
}
