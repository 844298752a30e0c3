using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Notifications.Officers;
using SignauxFaibles.Notifications.Territories;

namespace SignauxFaibles.UnitTests.Notifications;

/// <summary>Officers, establishments and changes for routing tests.</summary>
internal static class RoutingFixtures
{
    public static readonly Siren Company = Siren.Parse("552100554");

    public static Officer Officer(string name, OfficerRights rights = OfficerRights.Score, bool national = false,
        string[]? departements = null, string[]? regions = null) => new()
    {
        Id = Guid.NewGuid(),
        Email = $"{name}@example.fr",
        FirstName = name,
        LastName = name,
        Institution = Institutions.Dreets,
        AccessLevel = "A",
        Rights = rights,
        National = national,
        Departements = [.. departements ?? []],
        Regions = [.. regions ?? []],
    };

    public static CompanyEstablishment Establishment(string nic, string? departement, string? region, bool active = true) => new()
    {
        Siret = Siret.Parse(Company.Value + nic),
        Siren = Company,
        Departement = departement,
        Region = region,
        Active = active,
    };

    public static RiskLevelChanged Change(RiskLevel previous, RiskLevel level) =>
        new(Company, new YearMonth(2026, 10), previous, level, 0.42, "m1",
            [new ThemeContribution("Dette sociale", 0.3), new ThemeContribution("Santé financière", 0.1), new ThemeContribution("Activité partielle", -0.05)],
            [new FeatureContribution("debt_ratio", "Dette sociale", 1.7, 0.3, "La dette URSSAF représente 1,7 mois de cotisations")],
            DateTimeOffset.UnixEpoch);
}
