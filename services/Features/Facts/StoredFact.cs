namespace SignauxFaibles.Features.Facts;

/// <summary>
/// A fact as stored: the contract record's JSON under its company, kind and natural key. A fact
/// delivered again with the same key replaces the stored one only if its content differs.
/// </summary>
public sealed class StoredFact
{
    public required string Siren { get; set; }
    public short Kind { get; set; }
    public required string RecordKey { get; set; }
    public required byte[] Payload { get; set; }
}
