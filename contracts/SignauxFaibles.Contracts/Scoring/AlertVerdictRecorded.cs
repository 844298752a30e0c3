using SignauxFaibles.Contracts.Identifiers;

namespace SignauxFaibles.Contracts.Scoring;

/// <summary>
/// An officer's verdict on whether an alert about a company was useful, given while following it
/// up (published by the feature service): labels for the model's feedback loop, beyond proceedings.
/// </summary>
/// <param name="Level">The company's level on the lists when the verdict was given (None when off the lists).</param>
/// <param name="Reason">Why it was (not) useful, in the officer's words.</param>
public sealed record AlertVerdictRecorded(
    Siren Siren,
    string Officer,
    string Institution,
    bool Useful,
    string Reason,
    RiskLevel Level,
    DateTimeOffset RecordedAt);
