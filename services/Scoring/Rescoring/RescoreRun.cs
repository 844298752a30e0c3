using System.Text.Json.Serialization;

namespace SignauxFaibles.Scoring.Rescoring;

[JsonConverter(typeof(JsonStringEnumConverter<RescoreStatus>))]
public enum RescoreStatus
{
    Queued,
    Running,
    Completed,
    Failed,
}

/// <summary>One rescoring of the whole perimeter (after a promotion, a rollback, or on request), with its progress.</summary>
public sealed class RescoreRun
{
    public long Id { get; set; }
    public required string Reason { get; set; }
    public string? ModelVersion { get; set; }
    public RescoreStatus Status { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public int Companies { get; set; }
    public int Scored { get; set; }
    public int LevelChanges { get; set; }
    public string? Error { get; set; }
}
