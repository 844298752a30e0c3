using SignauxFaibles.Nomenclatures.Naf;
using SignauxFaibles.Notifications.Roster;

namespace SignauxFaibles.Notifications.Officers;

/// <summary>Validation of API edits with the roster's own rules, so the directory obeys one set of rules whatever the way in.</summary>
public static class OfficerEdits
{
    private static readonly string[] SizeCategories = ["PME", "ETI", "GE"];

    public static Dictionary<string, string[]>? Apply(Officer officer, OfficerEdit edit)
    {
        var errors = new Dictionary<string, string[]>();
        var level = edit.AccessLevel?.ToUpperInvariant() ?? officer.AccessLevel;
        if (level is not ("A" or "B")) errors["accessLevel"] = ["the level is A or B"];
        var rights = officer.Rights;
        if (edit.Rights is not null)
        {
            var parsed = RosterFields.Rights(string.Join(',', edit.Rights), out var error);
            if (parsed is null) errors["rights"] = [error!];
            else rights = parsed.Value;
        }
        if (level == "B" && rights != OfficerRights.None) errors["rights"] = ["level B grants no right to confidential data"];
        RosterFields.Zone? zone = null;
        if (edit.GeographicAccess is not null)
        {
            zone = RosterFields.GeographicAccess(edit.GeographicAccess, out var error);
            if (zone is null) errors["geographicAccess"] = [error!];
        }
        if (errors.Count > 0) return errors;

        officer.AccessLevel = level;
        officer.Rights = rights;
        if (edit.Function is not null) officer.Function = edit.Function.Length == 0 ? null : edit.Function;
        if (zone is not null)
        {
            officer.National = zone.National;
            officer.Departements = zone.Departements;
            officer.Regions = zone.Regions;
        }
        if (edit.Active is { } active) officer.Active = active;
        if (edit.Operator is { } isOperator) officer.Operator = isOperator;
        if (edit.MailPreference is { } preference) officer.MailPreference = preference;
        return null;
    }

    public static Dictionary<string, string[]>? Check(Subscription subscription)
    {
        var errors = new Dictionary<string, string[]>();
        var unknownSectors = subscription.Sectors.Where(s => NafNomenclature.Rev2.Find(s) is null).ToList();
        if (unknownSectors.Count > 0) errors["sectors"] = [$"not NAF rév. 2 codes: {string.Join(", ", unknownSectors)}"];
        var unknownSizes = subscription.SizeCategories.Where(s => !SizeCategories.Contains(s, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknownSizes.Count > 0) errors["sizeCategories"] = [$"not PME, ETI or GE: {string.Join(", ", unknownSizes)}"];
        if (subscription.Levels.Contains(Contracts.Scoring.RiskLevel.None)) errors["levels"] = ["the lists are Moderate and High"];
        return errors.Count > 0 ? errors : null;
    }
}
