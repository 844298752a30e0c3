namespace SignauxFaibles.IntegrationTests.Messaging;

/// <summary>A deliberately non-idempotent effect: a running total and count per account.</summary>
public sealed class LedgerAccount
{
    public int Id { get; set; }
    public long Total { get; set; }
    public int Count { get; set; }
    public uint Version { get; set; }
}
