using System.Text.Json.Serialization;

namespace SignauxFaibles.Contracts.Batches;

/// <summary>How a batch ended: Failed means nothing of it was published.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BatchOutcome>))]
public enum BatchOutcome
{
    Completed,
    Failed,
}
