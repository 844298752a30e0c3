namespace SignauxFaibles.Synthesis;

/// <summary>The parameters of a synthetic dataset; the manifest records them all, so a run can be repeated.</summary>
public sealed record SynthesisOptions
{
    public int Companies { get; init; } = 10_000;

    public Month From { get; init; } = Month.Of(2016, 1);

    public Month To { get; init; } = Month.Of(2025, 12);

    public ulong Seed { get; init; } = 1;

    /// <summary>INSEE région code restricting where companies are; null for the whole country.</summary>
    public string? Region { get; init; }

    /// <summary>
    /// Yearly rate of collective proceedings among companies with 10 or more employees, for a year
    /// whose national factor is 1 (2019). See <see cref="Dynamics.NationalCycle"/> for the source.
    /// </summary>
    public double YearlyFailureRate { get; init; } = 0.016;

    /// <summary>Share of failures that come without a slow slide (sudden: fraud, loss of a key client, accident).</summary>
    public double SuddenFailureShare { get; init; } = 0.15;

    /// <summary>Yearly rate of distress episodes that end in recovery: the signals that lead nowhere.</summary>
    public double RecoveryEpisodeRate { get; init; } = 0.04;

    /// <summary>Yearly rate of closures without any proceeding (retirement, sale, merger).</summary>
    public double VoluntaryClosureRate { get; init; } = 0.015;

    /// <summary>Share of the companies created during the window rather than before it.</summary>
    public double CreatedDuringWindowShare { get; init; } = 0.12;

    /// <summary>Standard deviation of the month-to-month noise on latent health: more noise, weaker signals.</summary>
    public double HealthNoise { get; init; } = 0.2;

    public int Months => To - From + 1;

    public void Validate()
    {
        if (Companies < 1) throw new ArgumentException("at least one company is needed.");
        if (To < From) throw new ArgumentException($"--to ({To}) is before --from ({From}).");
        if (From.Year < 2000 || To.Year > 2049) throw new ArgumentException("the window must lie within 2000–2049 (URSSAF two-digit years).");
        if (YearlyFailureRate is <= 0 or >= 0.5) throw new ArgumentException("the yearly failure rate must be in (0, 0.5).");
        if (SuddenFailureShare is < 0 or > 1) throw new ArgumentException("the sudden failure share must be in [0, 1].");
    }
}
