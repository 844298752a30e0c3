using SignauxFaibles.Contracts.Identifiers;

namespace SignauxFaibles.Notifications.Territories;

/// <summary>What alerts say about a company and subscriptions filter on: its name, sector and size (Sirene legal unit).</summary>
public sealed class CompanyProfile
{
    public Siren Siren { get; set; }

    public string? Name { get; set; }

    /// <summary>APE code as registered (NAF rév. 2 for current units).</summary>
    public string? ActivityCode { get; set; }

    /// <summary>PME, ETI or GE.</summary>
    public string? SizeCategory { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
