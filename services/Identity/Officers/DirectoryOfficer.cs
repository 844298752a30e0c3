namespace SignauxFaibles.Identity.Officers;

/// <summary>
/// This service's copy of an officer of the notification service's directory (kept in sync by
/// OfficerDirectoryChanged), or a development officer from configuration.
/// </summary>
public sealed class DirectoryOfficer
{
    /// <summary>Lower-case e-mail: the login and the token subject.</summary>
    public required string Email { get; set; }

    /// <summary>The directory's id; empty for a development officer.</summary>
    public Guid OfficerId { get; set; }

    public required string Name { get; set; }
    public required string Institution { get; set; }
    public List<string> Rights { get; set; } = [];
    public bool National { get; set; }
    public List<string> Departements { get; set; } = [];
    public List<string> Regions { get; set; } = [];
    public bool Active { get; set; } = true;

    /// <summary>Platform roles (<c>ops</c>): an operator's token carries the ops scope instead of an officer's claims.</summary>
    public List<string> Roles { get; set; } = [];

    public bool IsOperator => Roles.Contains(Security.Authentication.SfClaims.OpsScope);
    public DateTimeOffset ChangedAt { get; set; }
}
