using SignauxFaibles.Contracts.Identifiers;

namespace SignauxFaibles.Notifications.Territories;

/// <summary>Where one establishment of a company is, as Sirene last said: what routing needs, nothing more.</summary>
public sealed class CompanyEstablishment
{
    public Siret Siret { get; set; }

    public Siren Siren { get; set; }

    public string? Departement { get; set; }

    public string? Region { get; set; }

    public bool Active { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
