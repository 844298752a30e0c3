using SignauxFaibles.Contracts.Identifiers;

namespace SignauxFaibles.Ingestion.Urssaf.Comptes;

/// <summary>A stored period of the account → SIRET map (from <see cref="AccountSiretLink"/>).</summary>
public sealed class AccountLink
{
    public required string RecordKey { get; set; }
    public required string AccountNumber { get; set; }
    public Siren Siren { get; set; }
    public Siret Siret { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public Guid BatchId { get; set; }

    /// <summary>Valid on <paramref name="date"/>: from included, until excluded (as the reference system reads it).</summary>
    public bool IsValidOn(DateOnly date) => (ValidFrom is null || ValidFrom <= date) && (ValidUntil is null || date < ValidUntil);
}
