using SignauxFaibles.Cli;
using SignauxFaibles.Cli.Panel;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Indicators.Output;
using SignauxFaibles.Indicators.Panel;
using SignauxFaibles.UnitTests.Indicators;

namespace SignauxFaibles.UnitTests.Cli;

/// <summary>sf panel compare: two panel CSVs cell by cell, rows matched by key whatever their order.</summary>
public sealed class PanelCompareTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sf-compare-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A real panel file of the writer: a company and its two establishments over three years.</summary>
    private static string[] Written(bool establishments)
    {
        var panel = new PanelScenario()
            .Declaration(new YearMonth(2019, 1), new YearMonth(2019, 6), 1_000)
            .DebtStep("1", new YearMonth(2019, 2), 1, new DateOnly(2019, 3, 20), 120.5m, 300m)
            .CompanyHeadcount(new YearMonth(2019, 1), 12)
            .EstablishmentHeadcount(PanelScenario.Branch, new YearMonth(2019, 3), 4)
            .Compute();
        var path = Path.GetTempFileName();
        var writer = new PanelCsvWriter(path, establishments ? PanelSchema.Establishment : PanelSchema.Company, withSiret: establishments);
        writer.Write(establishments ? panel.EstablishmentRows : panel.CompanyRows);
        writer.DisposeAsync().AsTask().Wait();
        var lines = File.ReadAllLines(path);
        File.Delete(path);
        return lines;
    }

    private static (PanelComparison Result, string Report) Compare(IEnumerable<string> a, IEnumerable<string> b, int max = 20)
    {
        var report = new StringWriter();
        var result = PanelCsvComparer.Compare(new StringReader(string.Join('\n', a) + "\n"), new StringReader(string.Join('\n', b) + "\n"), report, max);
        return (result, report.ToString());
    }

    private static string[] Shuffled(string[] lines) =>
        [lines[0], .. lines.Skip(1).OrderBy(_ => Random.Shared.Next())];

    /// <summary>A line with the field <paramref name="column"/> set to <paramref name="value"/>.</summary>
    private static string With(string[] lines, int line, string column, string value)
    {
        var fields = lines[line].Split(',');
        fields[Array.IndexOf(lines[0].Split(','), column)] = value;
        return string.Join(',', fields);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_same_rows_in_another_order_are_identical(bool establishments)
    {
        var lines = Written(establishments);

        var (result, report) = Compare(lines, Shuffled(lines));

        Assert.Equal("", report);
        Assert.Equal(0, result.Differences);
        Assert.Equal(lines.Length - 1, result.RowsCompared);
        Assert.Equal((lines.Length - 1L) * (lines[0].Split(',').Length - (establishments ? 3 : 2)), result.CellsCompared);
    }

    [Fact]
    public void A_changed_cell_is_reported_with_its_key_column_and_both_values()
    {
        var a = Written(false);
        var b = a.ToArray();
        b[5] = With(a, 5, "cotisation", "999.25");
        var before = a[5].Split(',')[Array.IndexOf(a[0].Split(','), "cotisation")];

        var (result, report) = Compare(a, Shuffled(b));

        Assert.Equal(1, result.CellsDiffering);
        Assert.Equal(1, result.Differences);
        Assert.Contains($"differs: siren=033519133 periode=2019-05 cotisation: A \"{before}\", B \"999.25\"", report);
        Assert.Contains("differing cells by column: cotisation 1", report);
    }

    [Fact]
    public void A_missing_row_and_an_extra_row_are_reported_by_key()
    {
        var a = Written(true);
        var extra = With(a, 1, "periode", "2030-01");
        string[] b = [.. a.Where((_, i) => i != 3), extra];
        var missing = a[3].Split(',');

        var (result, report) = Compare(a, b);

        Assert.Equal((1, 1, 2), (result.OnlyInA, result.OnlyInB, result.Differences));
        Assert.Equal(a.Length - 2, result.RowsCompared);
        Assert.Contains($"only in A: siren={missing[0]} siret={missing[1]} periode={missing[2]} (line 4)", report);
        Assert.Contains($"only in B: siren=033519133 siret={a[1].Split(',')[1]} periode=2030-01 (line {b.Length})", report);
    }

    [Fact]
    public void A_different_header_is_reported_and_the_common_columns_still_compared()
    {
        var a = Written(false);
        // B renames tag_debit, and swaps code_naf and naf_section.
        var header = a[0].Split(',');
        int naf = Array.IndexOf(header, "code_naf"), section = Array.IndexOf(header, "naf_section");
        string Swap(string line)
        {
            var fields = line.Split(',');
            (fields[naf], fields[section]) = (fields[section], fields[naf]);
            return string.Join(',', fields);
        }
        string[] b = [Swap(a[0]).Replace(",tag_debit,", ",tag_debt,", StringComparison.Ordinal), .. a.Skip(1).Select(Swap)];

        var (result, report) = Compare(a, b);

        Assert.Equal(3, result.HeaderDifferences);
        Assert.Contains("header: column tag_debit only in A", report);
        Assert.Contains("header: column tag_debt only in B", report);
        Assert.Contains($"header: columns in another order: column {naf + 1} is code_naf in A, naf_section in B", report);
        Assert.Equal(0, result.CellsDiffering);
        Assert.Equal((a.Length - 1L) * (header.Length - 3), result.CellsCompared);
    }

    [Fact]
    public void At_most_the_given_number_of_each_kind_is_printed_but_all_are_counted()
    {
        var a = Written(false);
        var b = a.Select((line, i) => i == 0 ? line : With(a, i, "effectif", "-1")).ToArray();

        var (result, report) = Compare(a, b, max: 2);

        Assert.Equal(a.Length - 1, result.CellsDiffering);
        Assert.Equal(2, report.Split('\n').Count(l => l.StartsWith("differs:", StringComparison.Ordinal)));
        Assert.Contains($"… {a.Length - 3} more differing cells", report);
    }

    [Fact]
    public void A_key_repeated_in_a_file_has_no_partner()
    {
        var a = Written(false);
        string[] reversed = [a[0], .. a.Skip(1).Reverse()];

        // Repeated after its partner matched the first copy, or while the first copy still waits for its partner.
        var (late, lateReport) = Compare([.. a, a[2]], a);
        var (early, earlyReport) = Compare([a[0], a[2], .. a.Skip(1)], reversed);

        Assert.Equal((1, 0, a.Length - 1L), (late.OnlyInA, late.OnlyInB, late.RowsCompared));
        Assert.Contains($"only in A: siren=033519133 periode={a[2].Split(',')[1]} (line {a.Length + 1})", lateReport);
        Assert.Equal((1, 0, a.Length - 1L), (early.OnlyInA, early.OnlyInB, early.RowsCompared));
        Assert.Contains($"only in A: siren=033519133 periode={a[2].Split(',')[1]} (line 4)", earlyReport);
    }

    [Fact]
    public void A_company_file_and_an_establishment_file_cannot_be_compared()
    {
        var error = Assert.Throws<InvalidDataException>(() => Compare(Written(false), Written(true)));
        Assert.Contains("A is keyed by siren,periode, B by siren,siret,periode", error.Message);
    }

    [Fact]
    public void A_line_with_a_wrong_number_of_fields_is_refused_with_its_number()
    {
        var a = Written(false);
        var error = Assert.Throws<InvalidDataException>(() => Compare(a, [.. a[..3], a[3] + ",1"]));
        Assert.Equal($"B line 4: {a[0].Split(',').Length + 1} fields where the header has {a[0].Split(',').Length}.", error.Message);
    }

    private (int Exit, string Output, string Error) Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = SfCommand.Create().Parse(["panel", "compare", .. args]).Invoke(new() { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private string Save(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    [Fact]
    public void The_command_exits_0_when_identical_1_when_different_2_when_it_cannot_compare()
    {
        var lines = Written(true);
        var a = Save("a.csv", lines);
        var same = Save("same.csv", Shuffled(lines));
        var other = Save("other.csv", lines[..^1]);

        var identical = Run(a, same);
        Assert.Equal(0, identical.Exit);
        Assert.EndsWith("0 header differences → identical\n", identical.Output.ReplaceLineEndings("\n"));
        var different = Run(a, other, "--max-differences", "5");
        Assert.Equal(1, different.Exit);
        Assert.Contains("1 only in A", different.Output);
        Assert.Equal(2, Run(a).Exit);
        Assert.Equal(2, Run(a, Path.Combine(_folder, "none.csv")).Exit);
        Assert.Equal(2, Run(a, same, "--max-differences", "many").Exit);
        Assert.Equal(2, Run(a, same, "--unknown").Exit);
        var kinds = Run(a, Save("companies.csv", Written(false)));
        Assert.Equal(2, kinds.Exit);
        Assert.Contains("not the same kind of panel file", kinds.Error);
    }
}
