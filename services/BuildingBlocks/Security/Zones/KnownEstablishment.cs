using SignauxFaibles.Contracts.Identifiers;

namespace SignauxFaibles.Security.Zones;

/// <summary>
/// A service's copy of where an establishment is, kept from Sirene's establishment events: what the
/// zone rule needs, nothing more. <see cref="Placing"/> is the rule's verdict for its company,
/// recomputed whenever one of the company's establishments changes, so a list can filter in SQL.
/// </summary>
public sealed class KnownEstablishment
{
    public Siret Siret { get; set; }

    public Siren Siren { get; set; }

    public string? Departement { get; set; }

    public string? Region { get; set; }

    public bool Open { get; set; }

    /// <summary>When Sirene recorded it closed (start of its closed period), if it is.</summary>
    public DateOnly? ClosedOn { get; set; }

    /// <summary>Whether this establishment places its company (Access.CompanyZone).</summary>
    public bool Placing { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
