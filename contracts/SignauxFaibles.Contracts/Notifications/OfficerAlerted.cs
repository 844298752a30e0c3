using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Scoring;

namespace SignauxFaibles.Contracts.Notifications;

/// <summary>An officer responsible for the company's territory was alerted.</summary>
public sealed record OfficerAlerted(
    Guid AlertId,
    string OfficerId,
    Siren Siren,
    RiskLevel Level,
    string Channel,
    DateTimeOffset AlertedAt);
