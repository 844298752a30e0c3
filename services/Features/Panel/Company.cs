using SignauxFaibles.Contracts.Identifiers;

namespace SignauxFaibles.Features.Panel;

/// <summary>
/// One row per company, updated by every change to its panel. Its row version (PostgreSQL xmin)
/// makes concurrent updates of one company by two consumer instances conflict, and the loser
/// retries on fresh data.
/// </summary>
public sealed class Company
{
    public Siren Siren { get; set; }
    public long Revision { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }
}
