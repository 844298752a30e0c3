using System.Text.Json;
using SignauxFaibles.Contracts.Groups;
using SignauxFaibles.Ingestion.Judiciaire.Ellisphere;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.UnitTests.Ingestion;

public class EllisphereParserTests
{
    private static readonly string[] Header =
    [
        "GRP Code", "GRP Personne PouM", "GRP SIREN 9", "GRP RefID", "GRP Raison Sociale", "GRP Adresse", "GRP Code Postal", "GRP Ville", "GRP Pays",
        "Niveau de détention", "% Financier", "Tranche % Financier", "FIL Code", "FIL Personne PouM", "FIL SIREN 9", "FIL RefID", "FIL Raison Sociale",
    ];

    private static string Fixture(string name) => ParserTesting.Fixture("ellisphere", name);

    [Fact]
    public async Task The_workbook_gives_the_values_the_reference_parser_extracted()
    {
        var lines = await new EllisphereParser().ParseDeliveredAsync(Fixture("ellisphereTestData.excel"));
        using var expected = JsonDocument.Parse(File.ReadAllText(Fixture("expectedEllisphere.json")));
        var tuples = expected.RootElement.GetProperty("tuples").EnumerateArray().ToList();

        // The reference read the header row as data and rejected it; here the header is a header.
        Assert.Equal(tuples.Count, lines.Count);
        Assert.All(lines, l => Assert.Null(l.Reject));
        foreach (var (line, tuple) in lines.Zip(tuples))
        {
            var ownership = Assert.IsType<GroupOwnership>(line.Record);
            Assert.Equal(tuple.GetProperty("code_groupe").GetString(), ownership.GroupCode);
            Assert.Equal(tuple.TryGetProperty("siren_groupe", out var head) ? head.GetString() : null, ownership.HeadSiren?.Value);
            Assert.Equal(tuple.GetProperty("refid_groupe").GetString(), ownership.HeadRefId);
            Assert.Equal(tuple.GetProperty("raison_sociale_groupe").GetString(), ownership.GroupName);
            Assert.Equal(tuple.GetProperty("adresse_groupe").GetString(), ownership.HeadAddress);
            Assert.Equal(tuple.GetProperty("personne_pou_m_groupe").GetString() == "M", ownership.HeadIsLegalEntity);
            Assert.Equal(tuple.GetProperty("niveau_detention").GetInt32(), ownership.HoldingLevel);
            Assert.Equal(tuple.GetProperty("part_financiere").GetDecimal(), ownership.OwnershipPercent);
            Assert.Equal(tuple.GetProperty("code_filiere").GetString(), ownership.SubsidiaryCode);
            Assert.Equal(tuple.GetProperty("refid_filiere").GetString(), ownership.SubsidiaryRefId);
        }
        Assert.Equal("151515151", ((GroupOwnership)lines[0].Record!).Siren.Value);
        Assert.Equal("BELGIQUE", ((GroupOwnership)lines[3].Record!).HeadCountry);
    }

    [Fact]
    public async Task Bad_cells_are_rejected_with_their_sheet_row_and_column()
    {
        string[] Row(string headSiren, string level, string percent, string subsidiarySiren, string personType = "M") =>
            ["1234567", personType, headSiren, "1234567", "GROUPE A", "ici", "75001", "PARIS", "FRANCE", level, percent, "A", "1000000", "M", subsidiarySiren, "AK1", "FILLE"];
        await using var workbook = await TestWorkbook.WriteAsync(
        [
            Header,
            Row("525343432", "1", "90.2", ""),
            Row("52534343", "1", "90.2", "151515151"),
            Row("525343432", "1", "120", "151515151"),
            Row("525343432", "un", "90.2", "151515151"),
            Row("525343432", "1", "90.2", "151515151", personType: "X"),
            Row("", "2", "50", "151515151"),
        ]);

        var lines = await new EllisphereParser().ParseDeliveredAsync(workbook, "ellisphere.xlsx");

        Assert.Equal(new LineReject("ellisphere.xlsx", 2, 15, "FIL SIREN 9", string.Empty, "not a SIREN (9 digits)"), lines[0].Reject);
        Assert.Equal(new LineReject("ellisphere.xlsx", 3, 3, "GRP SIREN 9", "52534343", "not a SIREN (9 digits)"), lines[1].Reject);
        Assert.Equal(new LineReject("ellisphere.xlsx", 4, 11, "% Financier", "120", "a share is between 0 and 100 percent"), lines[2].Reject);
        Assert.Equal(new LineReject("ellisphere.xlsx", 5, 10, "Niveau de détention", "un", "not a holding level (whole number)"), lines[3].Reject);
        Assert.Equal(new LineReject("ellisphere.xlsx", 6, 2, "GRP Personne PouM", "X", "not a person type (P physical, M legal entity)"), lines[4].Reject);
        var foreignHead = Assert.IsType<GroupOwnership>(lines[5].Record);
        Assert.Null(foreignHead.HeadSiren);
        Assert.Equal(50m, foreignHead.OwnershipPercent);
    }

    [Fact]
    public async Task A_workbook_without_the_subsidiary_columns_is_refused()
    {
        await using var workbook = await TestWorkbook.WriteAsync([Header[..10], ["1", "M", "525343432", "1", "G", "ici", "75001", "PARIS", "FRANCE", "1"]]);
        var ex = await Assert.ThrowsAsync<HeaderMismatchException>(() => new EllisphereParser().ParseDeliveredAsync(workbook, "ellisphere.xlsx"));
        Assert.Contains("missing column(s) % Financier, FIL Code, FIL SIREN 9, FIL RefID", ex.Message);
    }
}
