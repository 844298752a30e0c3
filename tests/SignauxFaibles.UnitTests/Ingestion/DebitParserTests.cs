using System.Text.Json;
using SignauxFaibles.Ingestion.Urssaf.Debit;
using SignauxFaibles.Contracts.Urssaf;
using SignauxFaibles.Ingestion.Parsing;

namespace SignauxFaibles.UnitTests.Ingestion;

public class DebitParserTests
{
    private static async Task<List<ParsedLine>> ParseFixtureAsync(string name)
    {
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "fixtures", "urssaf_debit", name));
        var lines = new List<ParsedLine>();
        await foreach (var line in new DebitParser().ParseAsync(reader, name)) lines.Add(line);
        return lines;
    }

    [Fact]
    public async Task Extracts_the_values_the_reference_parser_extracted()
    {
        var lines = await ParseFixtureAsync("debitTestData.csv");
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "urssaf_debit", "expectedDebit.json")));
        var tuples = expected.RootElement.GetProperty("tuples").EnumerateArray().ToList();

        Assert.Equal(tuples.Count, lines.Count);
        Assert.All(lines, l => Assert.Null(l.Reject));
        foreach (var (line, tuple) in lines.Zip(tuples))
        {
            var step = (ContributionDebtStep)line.Record!;
            Assert.Equal(tuple.GetProperty("numero_compte").GetString(), step.AccountNumber);
            Assert.Equal(tuple.GetProperty("numero_ecart_negatif").GetString(), step.DebtLineNumber);
            Assert.Equal(tuple.GetProperty("numero_historique").GetInt32(), step.HistoryNumber);
            Assert.Equal(tuple.GetProperty("part_ouvriere").GetDecimal(), step.EmployeeShare);
            Assert.Equal(tuple.GetProperty("part_patronale").GetDecimal(), step.EmployerShare);
            Assert.Equal(tuple.GetProperty("etat_compte").GetInt32(), step.AccountState);
            Assert.Equal(tuple.GetProperty("recours_en_cours").GetBoolean(), step.UnderAppeal);
            Assert.Equal(DateOnly.FromDateTime(tuple.GetProperty("date_traitement").GetDateTime()), step.ProcessedOn);
            Assert.Equal(DateOnly.FromDateTime(tuple.GetProperty("periode_debut").GetDateTime()), step.Period.First.FirstDay);
            // The reference writes the period's end as the first day of the next month.
            Assert.Equal(DateOnly.FromDateTime(tuple.GetProperty("periode_fin").GetDateTime()), step.Period.Last.AddMonths(1).FirstDay);
            Assert.StartsWith(step.Siret!.Value.Value, tuple.GetProperty("DebitID").GetString());
        }
    }

    [Fact]
    public async Task Broken_lines_are_rejected_with_line_and_reason_and_valid_lines_kept()
    {
        var lines = await ParseFixtureAsync("debitCorrompuTestData.csv");

        Assert.Equal(3, lines.Count(l => l.Record is not null));
        var rejects = lines.Where(l => l.Reject is not null).Select(l => l.Reject!).ToList();
        Assert.Equal([3L, 5L], rejects.Select(r => r.Line));
        Assert.All(rejects, r => Assert.Contains("wrong number of fields", r.Reason));
        Assert.All(rejects, r => Assert.Equal("debitCorrompuTestData.csv", r.FileName));
    }

    [Fact]
    public async Task The_older_layout_without_siret_is_read()
    {
        var lines = await ParseFixtureAsync("debitUtf8TestData.csv");
        var rejected = Assert.Single(lines).Reject;
        // Its Cd_pro_col holds free text, but that column is a code kept as delivered; the line is valid.
        Assert.Null(rejected);
        var step = (ContributionDebtStep)lines[0].Record!;
        Assert.Null(step.Siret);
        Assert.Equal("432766947", step.Siren.Value);
        Assert.Equal(230.00m, step.EmployeeShare);
        Assert.Equal(603.00m, step.EmployerShare);
    }

    [Fact]
    public async Task A_bad_field_is_reported_with_its_column()
    {
        const string file = "Urssaf_gestion;Dep;num_cpte;Siren;Siret;Dt_immat;Etat_cpte;Cd_pro_col;Periode;Num_Ecn;Num_Hist_Ecn;Dt_trt_ecn;Mt_PO;Mt_PP;Cd_op_ecn;Motif_ecn;Recours_en_cours\n"
            + "939;27;111;12345678X;;20150708;5;0;201712;659;9;990505;195907;864497;3;74;0\n"
            + "939;27;111;123456789;;20150708;5;0;201712;659;9;990505;12,5;864497;3;74;0\n";
        var lines = new List<ParsedLine>();
        await foreach (var line in new DebitParser().ParseAsync(new StringReader(file), "f.csv")) lines.Add(line);

        Assert.Equal(new LineReject("f.csv", 2, 4, "Siren", "12345678X", "not a SIREN (9 digits)"), lines[0].Reject);
        Assert.Equal(new LineReject("f.csv", 3, 13, "Mt_PO", "12,5", "not an amount in cents"), lines[1].Reject);
    }

    [Fact]
    public async Task A_header_of_another_layout_refuses_the_file_and_names_the_expected_columns()
    {
        var ex = await Assert.ThrowsAsync<HeaderMismatchException>(async () =>
        {
            await foreach (var _ in new DebitParser().ParseAsync(new StringReader("Siret;Siren;Dt_effet\n1;2;3\n"), "procol.csv"))
            {
            }
        });
        Assert.Contains("procol.csv:1", ex.Message);
        Assert.Contains("Num_Hist_Ecn", ex.Message);
    }
}
