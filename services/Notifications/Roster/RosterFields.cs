using System.Net.Mail;
using SignauxFaibles.Notifications.Officers;
using SignauxFaibles.Notifications.Territories;

namespace SignauxFaibles.Notifications.Roster;

/// <summary>Readers of the roster's cells; each returns null (or an error) rather than guess: a habilitation is never approximated.</summary>
public static class RosterFields
{
    private static readonly char[] ListSeparators = [',', '|', '/', '\n'];

    public sealed record Zone(bool National, List<string> Departements, List<string> Regions);

    /// <summary>"France", "national", département codes, régions ("R27" or a name); the first item not understood is the error.</summary>
    public static Zone? GeographicAccess(string raw, out string? error)
    {
        error = null;
        var zone = new Zone(false, [], []);
        var national = false;
        foreach (var item in raw.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (FrenchTerritories.Simplify(item) is "france" or "national" or "nationale" or "france entiere")
            {
                national = true;
            }
            else if (FrenchTerritories.Departement(item) is { } departement)
            {
                if (!zone.Departements.Contains(departement)) zone.Departements.Add(departement);
            }
            else if (FrenchTerritories.Region(item) is { } region)
            {
                if (!zone.Regions.Contains(region)) zone.Regions.Add(region);
            }
            else
            {
                error = $"'{item}' is neither France, a département code nor a région (name or R + code)";
                return null;
            }
        }
        if (!national && zone.Departements.Count == 0 && zone.Regions.Count == 0)
        {
            error = "no territory given";
            return null;
        }
        return zone with { National = national };
    }

    public static OfficerRights? Rights(string? raw, out string? error)
    {
        error = null;
        var rights = OfficerRights.None;
        foreach (var item in (raw ?? string.Empty).Split([',', ' ', '|', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var right = item.ToLowerInvariant() switch
            {
                "urssaf" => OfficerRights.Urssaf,
                "dgefp" => OfficerRights.Dgefp,
                "bdf" => OfficerRights.Bdf,
                "dgfip" => OfficerRights.Dgfip,
                "score" => OfficerRights.Score,
                _ => (OfficerRights?)null,
            };
            if (right is null)
            {
                error = $"'{item}' is not a right (urssaf, dgefp, bdf, dgfip, score)";
                return null;
            }
            rights |= right.Value;
        }
        return rights;
    }

    /// <summary>The address in lower case when it is a plain mailbox (no display name, a dotted domain); else null.</summary>
    public static string? Email(string raw)
    {
        var text = raw.Trim();
        if (!MailAddress.TryCreate(text, out var address) || address.Address != text) return null;
        return address.Host.Contains('.', StringComparison.Ordinal) ? address.Address.ToLowerInvariant() : null;
    }

    public static IReadOnlyList<string> RightNames(OfficerRights rights) =>
        Enum.GetValues<OfficerRights>().Where(r => r != OfficerRights.None && rights.HasFlag(r)).Select(r => r.ToString().ToLowerInvariant()).ToList();
}
