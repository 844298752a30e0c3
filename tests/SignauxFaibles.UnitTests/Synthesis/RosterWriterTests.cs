using System.Text.Json;
using SignauxFaibles.Notifications.Roster;
using SignauxFaibles.Synthesis.Writers.Officers;

namespace SignauxFaibles.UnitTests.Synthesis;

/// <summary>sf synth writes the roster a demonstration stack needs to alert someone (issue 26: "a demo that works").</summary>
public sealed class RosterWriterTests(SyntheticFilesFixture files) : IClassFixture<SyntheticFilesFixture>
{
    [Fact]
    public async Task The_roster_is_read_whole_by_Notifications_and_has_an_officer_for_every_departement_of_the_population()
    {
        var path = Path.Combine(files.Directory, RosterWriter.FileName);
        var lines = new List<SignauxFaibles.Ingestion.Parsing.ParsedLine>();
        using (var reader = new StreamReader(path))
            await foreach (var line in new RosterParser().ParseAsync(reader, RosterWriter.FileName)) lines.Add(line);

        Assert.All(lines, l => Assert.Null(l.Reject));
        var rows = File.ReadLines(path).Skip(1).ToList();
        Assert.Equal(RosterWriter.DevelopmentOfficers, rows.Take(RosterWriter.DevelopmentOfficers.Count));
        Assert.True(rows.Count > RosterWriter.DevelopmentOfficers.Count + 10, $"{rows.Count} rows: a 1,000-company population spans dozens of départements");
        Assert.Contains(files.Manifest.Files, f => f.Path == RosterWriter.FileName);
    }

    [Fact]
    public void The_development_officers_are_those_the_identity_service_signs_in()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Checkout(), "services", "Identity", "appsettings.Development.json")));
        var identity = settings.RootElement.GetProperty("Identity").GetProperty("DevelopmentOfficers").EnumerateArray()
            .Where(o => !o.TryGetProperty("Roles", out _))
            .Select(o => string.Join(';',
                o.GetProperty("Email").GetString(),
                o.GetProperty("Institution").GetString(),
                o.TryGetProperty("National", out var n) && n.GetBoolean() ? "France" : string.Join(',', o.GetProperty("Departements").EnumerateArray().Select(d => d.GetString())),
                string.Join(',', o.GetProperty("Rights").EnumerateArray().Select(r => r.GetString()))))
            .Order(StringComparer.Ordinal);
        var roster = RosterWriter.DevelopmentOfficers.Select(r => r.Split(';')).Select(c => string.Join(';', c[6], c[1], c[2], c[7])).Order(StringComparer.Ordinal);

        Assert.Equal(identity, roster);
    }

    // The roster must follow the identity service's settings, which live in the checkout beside the tests.
    private static string Checkout()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SignauxFaibles.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("no SignauxFaibles.sln above the test assembly");
    }
}
