namespace SignauxFaibles.Contracts.Notifications;

/// <summary>
/// An officer of the directory as it now stands (after a roster import or an edit), so the
/// identity service can issue tokens with the right claims without calling the notification
/// service. Carries the whole entry: the last one by <paramref name="ChangedAt"/> wins.
/// </summary>
/// <param name="Email">Lower-case; the roster's key and the officer's login.</param>
/// <param name="Rights">Data rights held: urssaf, dgefp, bdf, dgfip, score.</param>
/// <param name="Departements">Département codes the officer is habilitated for.</param>
/// <param name="Regions">Région codes (INSEE COG) the officer is habilitated for.</param>
/// <param name="Active">False when the officer left: no more tokens.</param>
/// <param name="Roles">Platform roles: <c>ops</c> for an operator, who signs in as themselves; none for an officer.</param>
public sealed record OfficerDirectoryChanged(
    Guid OfficerId,
    string Email,
    string FirstName,
    string LastName,
    string Institution,
    IReadOnlyList<string> Rights,
    bool National,
    IReadOnlyList<string> Departements,
    IReadOnlyList<string> Regions,
    bool Active,
    DateTimeOffset ChangedAt,
    IReadOnlyList<string>? Roles = null);
