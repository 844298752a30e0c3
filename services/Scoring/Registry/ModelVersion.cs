namespace SignauxFaibles.Scoring.Registry;

/// <summary>
/// One registered model: its artifact (the zipped model folder of <c>sf model train</c>), what it
/// was trained on and how it scored. Exactly one version is active at a time.
/// </summary>
public sealed class ModelVersion
{
    public int Id { get; set; }
    /// <summary>"v1", "v2"… in registration order: what every score records.</summary>
    public required string Version { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }
    public DateTimeOffset TrainedAt { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public string? TrainFrom { get; set; }
    public string? TrainTo { get; set; }
    public required List<string> Features { get; set; }
    /// <summary>The manifest's metrics (ROC AUC, PR AUC…) as JSON.</summary>
    public required string Metrics { get; set; }
    public double RedThreshold { get; set; }
    public double OrangeThreshold { get; set; }
    public required byte[] Artifact { get; set; }
    public required string ArtifactSha256 { get; set; }
    /// <summary>SHA-256 of the panel file the model was trained on, when the trainer recorded it.</summary>
    public string? TrainingFingerprint { get; set; }
    /// <summary>Version (with commit) of the code that trained it, when recorded.</summary>
    public string? CodeVersion { get; set; }
    public bool IsActive { get; set; }
}

/// <summary>Each promotion or rollback, in order: rollback goes back one step of this history.</summary>
public sealed class ModelActivation
{
    public long Id { get; set; }
    public int ModelVersionId { get; set; }
    public required string Version { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset ActivatedAt { get; set; }
}
