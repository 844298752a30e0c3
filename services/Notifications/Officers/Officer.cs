namespace SignauxFaibles.Notifications.Officers;

/// <summary>
/// A person of a partner institution who receives alerts, as the roster describes them (keyed by
/// e-mail), with the preferences they set themselves.
/// </summary>
public sealed class Officer
{
    public Guid Id { get; set; }

    /// <summary>Lower-case; the roster's key, so a re-import updates the same officer.</summary>
    public required string Email { get; set; }

    public required string FirstName { get; set; }

    public required string LastName { get; set; }

    /// <summary>Canonical institution name (see <see cref="Institutions"/>).</summary>
    public required string Institution { get; set; }

    public string? Function { get; set; }

    /// <summary>Roster access level: A (confidential data per <see cref="Rights"/>) or B (public data only).</summary>
    public required string AccessLevel { get; set; }

    public OfficerRights Rights { get; set; }

    /// <summary>Habilitated for the whole country.</summary>
    public bool National { get; set; }

    /// <summary>Département codes (01…95, 2A, 2B, 971…976).</summary>
    public List<string> Departements { get; set; } = [];

    /// <summary>Région codes (INSEE COG, e.g. 27 for Bourgogne-Franche-Comté).</summary>
    public List<string> Regions { get; set; } = [];

    /// <summary>False when the officer left (edited through the API, or absent from a full roster import).</summary>
    public bool Active { get; set; } = true;

    /// <summary>An operator of the platform (role ops): signs in as themselves and gets the ops scope, not an officer's claims.</summary>
    public bool Operator { get; set; }

    public MailPreference MailPreference { get; set; }

    public Subscription Subscription { get; set; } = new();

    public DateTimeOffset UpdatedAt { get; set; }

    public bool Holds(OfficerRights right) => (Rights & right) == right;

    /// <summary>True when a place (an establishment's département and région) lies in the officer's zone.</summary>
    public bool Covers(string? departement, string? region) =>
        National
        || (departement is not null && Departements.Contains(departement))
        || (region is not null && Regions.Contains(region));
}
