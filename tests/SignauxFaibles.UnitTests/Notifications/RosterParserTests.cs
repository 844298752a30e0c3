using SignauxFaibles.Ingestion.Parsing;
using SignauxFaibles.Notifications.Officers;
using SignauxFaibles.Notifications.Roster;
using SignauxFaibles.UnitTests.Ingestion;

namespace SignauxFaibles.UnitTests.Notifications;

public sealed class RosterParserTests
{
    private static readonly string Csv = ParserTesting.Fixture("roster", "roster_good_and_bad.csv");

    [Fact]
    public async Task Good_lines_are_read_and_each_bad_line_says_where_and_why()
    {
        var lines = await new RosterParser().ParseDeliveredAsync(Csv);

        var good = lines.Where(l => l.Record is not null).Select(l => (RosterLine)l.Record!).ToList();
        Assert.Equal(["claire.martin@dreets.example.fr", "luc.bernard@urssaf.example.fr", "sophie.petit@ddets.example.fr",
            "paul.durand@bdf.example.fr", "yves.lemoine@dreets.example.fr"], good.Select(g => g.Email));

        var rejects = lines.Where(l => l.Reject is not null).Select(l => l.Reject!).ToList();
        Assert.Equal(
            [
                (6L, (int?)2, "Préfecture"), (7, 3, "21,99"), (8, 6, ""), (10, 7, "marc.roux@dgfip"), (11, 8, "score"),
                (12, 7, "Claire.Martin@dreets.example.fr"), (13, null, null), (14, 1, "C"), (15, 8, "score,admin"),
            ],
            rejects.Select(r => (r.Line, r.Column, r.RawValue)));
        Assert.All(rejects, r => Assert.Equal("roster_good_and_bad.csv", r.FileName));
        Assert.Contains("'99'", rejects.Single(r => r.Line == 7).Reason, StringComparison.Ordinal);
        Assert.Contains("line 2", rejects.Single(r => r.Line == 12).Reason, StringComparison.Ordinal);
        Assert.Contains("level B", rejects.Single(r => r.Line == 11).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NIVEAU HABILITATION", RosterLayout.Level)]
    [InlineData("ACCES GEOGRAPHIQUE", RosterLayout.GeographicAccess)]
    [InlineData(" Accès  géographique ", RosterLayout.GeographicAccess)]
    [InlineData("ADRESSE MAIL", RosterLayout.Email)]
    [InlineData("e_mail", RosterLayout.Email)]
    [InlineData("Prénom", RosterLayout.FirstName)]
    [InlineData("Niveau d'habilitation", RosterLayout.Level)]
    [InlineData("Observations", null)]
    public void Headers_are_read_as_partners_spell_them(string header, string? column) =>
        Assert.Equal(column, RosterLayout.Canonical(header));

    [Fact]
    public async Task A_roster_with_the_partners_own_headers_is_read()
    {
        var lines = await new RosterParser().ParseDeliveredAsync(ParserTesting.Fixture("roster", "roster_partner_headers.csv"));

        var good = lines.Select(l => l.Record).OfType<RosterLine>().ToList();
        Assert.Equal(2, good.Count);
        Assert.Equal(("anne.leroy@dgfip.example.fr", "A", "Leroy", "Chargée de mission CODEFI"), (good[0].Email, good[0].AccessLevel, good[0].LastName, good[0].Function));
        Assert.Equal(("hugo.morel@bdf.example.fr", "B", OfficerRights.None), (good[1].Email, good[1].AccessLevel, good[1].Rights));
    }

    [Fact]
    public async Task Lines_carry_institution_zone_and_rights_as_the_directory_needs_them()
    {
        var good = (await new RosterParser().ParseDeliveredAsync(Csv)).Select(l => l.Record).OfType<RosterLine>().ToDictionary(l => l.Email);

        var claire = good["claire.martin@dreets.example.fr"];
        Assert.Equal((Institutions.Dreets, "A", false), (claire.Institution, claire.AccessLevel, claire.National));
        Assert.Equal(["21", "71"], claire.Departements);
        Assert.Equal(OfficerRights.Urssaf | OfficerRights.Dgefp | OfficerRights.Bdf | OfficerRights.Score, claire.Rights);
        Assert.Equal(["27"], good["luc.bernard@urssaf.example.fr"].Regions);
        Assert.Equal(OfficerRights.None, good["sophie.petit@ddets.example.fr"].Rights);
        Assert.True(good["paul.durand@bdf.example.fr"].National);
        Assert.Equal(Institutions.BanqueDeFrance, good["paul.durand@bdf.example.fr"].Institution);
        var yves = good["yves.lemoine@dreets.example.fr"];
        Assert.Equal((Institutions.Dreets, "2B", "76"), (yves.Institution, yves.Departements.Single(), yves.Regions.Single()));
    }

    [Fact]
    public async Task The_xlsx_roster_reads_like_its_csv_twin_even_with_numeric_departement_cells()
    {
        var rows = File.ReadAllLines(Csv, System.Text.Encoding.Latin1).Where(l => l.Length > 0).Select(l => (IReadOnlyList<string>)SemicolonLine.Split(l)).ToList();
        // A spreadsheet turns "01" into the number 1: the roster still means the Ain.
        rows.Add(["A", "DDETS", "01", "Agent", "Rémi", "Carré", "remi.carre@ddets.example.fr", "score"]);
        await using var workbook = await TestWorkbook.WriteAsync(rows);

        var lines = await new RosterParser().ParseDeliveredAsync(workbook, "roster.xlsx");

        var good = lines.Select(l => l.Record).OfType<RosterLine>().ToList();
        Assert.Equal(6, good.Count);
        Assert.Equal(["01"], good[^1].Departements);
        // Same rejects, except the short row: a sheet has no short rows, its missing cells are empty (Nom is required).
        Assert.Equal([2, 3, 6, 7, 8, 7, 6, 1, 8], lines.Where(l => l.Reject is not null).Select(l => l.Reject!.Column ?? 0));
    }

    [Fact]
    public async Task A_file_without_the_roster_header_is_refused_naming_the_missing_columns()
    {
        await using var file = new MemoryStream("nom;prenom;mail\nMartin;Claire;claire@x.example.fr\n"u8.ToArray());

        var refused = await Assert.ThrowsAsync<HeaderMismatchException>(() => new RosterParser().ParseDeliveredAsync(file, "users.csv"));

        Assert.Contains("Accès géographique", refused.Message, StringComparison.Ordinal);
        Assert.Contains("E-mail", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_comma_separated_roster_is_read_as_well()
    {
        const string text = "Niveau,Institution,Accès géographique,Prénom,Nom,E-mail,Droits\nA,URSSAF,\"21,58\",Luc,Bernard,luc@urssaf.example.fr,score\n";
        await using var file = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));

        var line = Assert.IsType<RosterLine>(Assert.Single(await new RosterParser().ParseDeliveredAsync(file, "roster.csv")).Record);

        Assert.Equal(["21", "58"], line.Departements);
    }
}
