using System.CommandLine;
using System.Text.Json;
using SignauxFaibles.Cli;

namespace SignauxFaibles.UnitTests.Cli;

/// <summary><c>sf parse</c> on the finance files: kinds recognised by name or given, same output contract as the other sources.</summary>
public class SfParseFinanceTests
{
    private static (int Exit, string[] Output, string[] Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = SfCommand.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, Lines(output), Lines(error));
    }

    private static string[] Lines(StringWriter writer) => writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string Fixture(string folder, string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", folder, name);

    [Fact]
    public void Diane_is_recognised_by_name_and_prints_one_statement_per_company_and_year()
    {
        var (exit, output, error) = Run("parse", Fixture("diane", "dianeTestData.txt"));

        Assert.Equal(0, exit);
        Assert.Empty(error);
        Assert.Equal(15, output.Length);
        using var first = JsonDocument.Parse(output[0]);
        Assert.Equal("839244082", first.RootElement.GetProperty("siren").GetString());
        // Fiscal year 2012 first; the synthetic export dates its closing in 2018.
        Assert.Equal("2018-05-09", first.RootElement.GetProperty("fiscalYearEnd").GetString());
        Assert.Equal(1_966_000m, first.RootElement.GetProperty("items").GetProperty("turnover").GetDecimal());
    }

    [Fact]
    public void Bdf_and_dgfip_print_records_and_line_numbered_rejects()
    {
        var bdf = Run("parse", "--source", "bdf", Fixture("banque_de_france", "bdfTestData.csv"));
        Assert.Equal((0, 3, 0), (bdf.Exit, bdf.Output.Length, bdf.Error.Length));
        Assert.Contains("\"bdfMarginRate\":-63.1", bdf.Output[0]);

        var dgfip = Run("parse", Fixture("dgfip", "dgfipTestData.csv"));
        Assert.Equal((0, 4, 1), (dgfip.Exit, dgfip.Output.Length, dgfip.Error.Length));
        Assert.Contains("\"line\":6", dgfip.Error[0]);
        Assert.Contains("\"columnName\":\"2052_FL\"", dgfip.Error[0]);
    }

    [Fact]
    public void A_damaged_diane_export_is_refused_with_exit_2() =>
        Assert.Equal(2, Run("parse", "--source", "diane", Fixture("diane", "dianeTestData.csv")).Exit);
}
