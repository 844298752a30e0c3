using System.Text.Json.Serialization;

namespace SignauxFaibles.Contracts.Scoring;

/// <summary>Alert level: High is the red list ("risque fort"), Moderate the orange one ("risque modéré").</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RiskLevel>))]
public enum RiskLevel
{
    None,
    Moderate,
    High,
}
