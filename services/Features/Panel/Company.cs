using SignauxFaibles.Contracts.Identifiers;

namespace SignauxFaibles.Features.Panel;

/// <summary>
/// One row per company, locked (SELECT ... FOR UPDATE) while its panel changes. Its row version (PostgreSQL xmin)
/// stays as a safety net: an update that bypassed the lock would conflict, and the loser
/// retries on fresh data.
/// </summary>
public sealed class Company
{
    public Siren Siren { get; set; }
    public long Revision { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }
}
