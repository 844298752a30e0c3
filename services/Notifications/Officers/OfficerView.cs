using SignauxFaibles.Notifications.Roster;

namespace SignauxFaibles.Notifications.Officers;

/// <summary>An officer as the API shows it.</summary>
public sealed record OfficerView(
    Guid Id,
    string Email,
    string FirstName,
    string LastName,
    string Institution,
    string? Function,
    string AccessLevel,
    IReadOnlyList<string> Rights,
    bool National,
    IReadOnlyList<string> Departements,
    IReadOnlyList<string> Regions,
    bool Active,
    MailPreference MailPreference,
    Subscription Subscription,
    DateTimeOffset UpdatedAt,
    bool Operator)
{
    public static OfficerView Of(Officer o) => new(o.Id, o.Email, o.FirstName, o.LastName, o.Institution, o.Function, o.AccessLevel,
        RosterFields.RightNames(o.Rights), o.National, o.Departements, o.Regions, o.Active, o.MailPreference, o.Subscription, o.UpdatedAt, o.Operator);
}

/// <summary>An edit of the directory between two roster imports (a new habilitation, a departure). Null fields are left as they are.</summary>
public sealed record OfficerEdit(
    string? Function,
    string? AccessLevel,
    IReadOnlyList<string>? Rights,
    string? GeographicAccess,
    bool? Active,
    MailPreference? MailPreference,
    bool? Operator = null);
