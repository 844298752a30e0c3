namespace SignauxFaibles.Features.Facts;

/// <summary>
/// A fact as stored: the contract record's JSON under its company, kind and natural key. A fact
/// delivered again with the same key replaces the stored one only if its content differs, and
/// then becomes known anew.
/// </summary>
public sealed class StoredFact
{
    public required string Siren { get; set; }
    public short Kind { get; set; }
    public required string RecordKey { get; set; }
    public required byte[] Payload { get; set; }

    /// <summary>When the platform learnt the fact as it now stands: its first delivery, or the delivery that changed it.</summary>
    public DateTimeOffset KnownAt { get; set; }
}
