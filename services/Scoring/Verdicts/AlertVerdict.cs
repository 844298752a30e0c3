using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Scoring;

namespace SignauxFaibles.Scoring.Verdicts;

/// <summary>
/// An officer's verdict on an alert, with the score it judged: the model version and month of the
/// company's standing when the verdict arrived. Labels beyond proceedings, for the next training.
/// </summary>
public sealed class AlertVerdict
{
    public long Id { get; set; }
    public Siren Siren { get; set; }
    public required string Institution { get; set; }
    public bool Useful { get; set; }
    public RiskLevel Level { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    /// <summary>The version whose score the verdict judges; null when the company had none.</summary>
    public string? ModelVersion { get; set; }
    public YearMonth? Month { get; set; }
}
