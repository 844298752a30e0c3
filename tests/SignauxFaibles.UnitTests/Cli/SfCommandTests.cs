using System.CommandLine;
using SignauxFaibles.Cli;

namespace SignauxFaibles.UnitTests.Cli;

public class SfCommandTests
{
    private static (int Exit, string Output) Run(params string[] args)
    {
        var output = new StringWriter();
        var exit = SfCommand.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = output });
        return (exit, output.ToString());
    }

    [Fact]
    public void Version_prints_the_tool_and_contracts_versions()
    {
        var (exit, output) = Run("version");
        Assert.Equal(0, exit);
        Assert.StartsWith("sf 0.1.0", output);
        Assert.Contains("contracts 0.1.0", output);
    }

    [Fact]
    public void Help_lists_the_commands()
    {
        var (exit, output) = Run("--help");
        Assert.Equal(0, exit);
        Assert.Contains("version", output);
    }

    [Fact]
    public void An_unknown_command_fails() => Assert.NotEqual(0, Run("frobnicate").Exit);

    private static string Fixture(string folder, string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", folder, name);

    [Fact]
    public void Parse_prints_records_on_stdout_and_rejects_on_stderr_and_exits_0()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = SfCommand.Create().Parse(["parse", Fixture("urssaf_debit", "debitCorrompuTestData.csv")])
            .Invoke(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(0, exit);
        var records = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, records.Length);
        Assert.Contains("\"siren\":\"000000000\"", records[0]);
        Assert.Contains("\"employeeShare\":1959.07", records[0]);
        var rejects = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rejects.Length);
        Assert.Contains("\"line\":3", rejects[0]);
        Assert.Contains("\"reason\":", rejects[0]);
    }

    [Fact]
    public void Parse_reads_gzip_and_exits_2_when_the_file_is_refused()
    {
        var gz = Run("parse", "--source", "urssaf-debit", Fixture("urssaf_debit", "debitTestData.csv.gz"));
        Assert.Equal(0, gz.Exit);
        Assert.Equal(3, gz.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        var refused = Run("parse", "--source", "urssaf-debit", Fixture("", "NOTICE.md"));
        Assert.Equal(2, refused.Exit);
        Assert.Contains("expected columns", refused.Output);
    }

    [Fact]
    public void Parse_without_a_recognisable_name_asks_for_the_kind() =>
        Assert.Equal(1, Run("parse", Fixture("", "NOTICE.md")).Exit);

    [Theory]
    [InlineData("ap_demande", "apdemande.excelsheet", 1)]
    [InlineData("ap_demande", "apdemandeTestData.csv", 3)]
    [InlineData("ap_conso", "apconso.excelsheet", 1)]
    [InlineData("ap_conso", "apconsoTestData.csv", 3)]
    [InlineData("altares", "altaresTestData.csv", 3)]
    [InlineData("paydex", "paydexTestData.csv", 5)]
    [InlineData("paydex", "paydexIncrementTestData.csv", 3)]
    [InlineData("ellisphere", "ellisphereTestData.excel", 6)]
    public void Parse_recognises_the_dgefp_altares_and_ellisphere_files_xlsx_included(string folder, string name, int records)
    {
        var output = new StringWriter();
        var exit = SfCommand.Create().Parse(["parse", Fixture(folder, name)]).Invoke(new InvocationConfiguration { Output = output, Error = new StringWriter() });
        Assert.Equal(0, exit);
        Assert.Equal(records, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Parse_exits_2_when_a_paydex_trailer_does_not_count_the_lines()
    {
        var file = Path.Combine(Path.GetTempPath(), $"paydex-{Guid.NewGuid():N}.csv");
        var bytes = File.ReadAllBytes(Fixture("paydex", "paydexIncrementTestData.csv"));
        File.WriteAllBytes(file, [.. bytes[..^"4 ligne(s);\r\n".Length], .. "9 ligne(s);\r\n"u8]);
        try
        {
            var (exit, output) = Run("parse", "--source", "paydex", file);
            Assert.Equal(2, exit);
            Assert.Contains("announces 9 line(s) but the file holds 4", output);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
