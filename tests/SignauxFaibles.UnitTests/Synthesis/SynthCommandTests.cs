using System.CommandLine;
using SignauxFaibles.Cli;
using SignauxFaibles.Synthesis.GroundTruth;

namespace SignauxFaibles.UnitTests.Synthesis;

public class SynthCommandTests
{
    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = SfCommand.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Synth_writes_the_dataset_and_its_manifest_and_reports_progress_on_stderr()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"sf-synth-cli-{Guid.NewGuid():N}");
        try
        {
            var (exit, output, error) = Run("synth", "--companies", "200", "--from", "2023-01", "--to", "2023-12", "--seed", "3", "--region", "32", "--out", directory);
            Assert.Equal(0, exit);
            Assert.Contains("200 companies", output);
            Assert.Contains("peak memory (VmHWM)", output);
            Assert.Contains("200/200 companies", error);
            var manifest = Manifest.Load(Path.Combine(directory, "manifest.json"));
            Assert.Equal(3UL, manifest.Seed);
            Assert.Equal("32", manifest.Parameters.Region);
            Assert.Equal(12, manifest.Files.Count(f => f.Path.StartsWith("urssaf/sigfaible_debits_2023", StringComparison.Ordinal)));
            // --region 32: every head office is in a département of Hauts-de-France.
            var departements = File.ReadLines(Path.Combine(directory, "sirene", "StockEtablissement_utf8_geo.csv")).Skip(1)
                .Select(l => l.Split(',')).Where(f => f[9] == "true").Select(f => f[22][..2]).Distinct().Order().ToList();
            Assert.Subset(new HashSet<string> { "02", "59", "60", "62", "80" }, departements.ToHashSet());
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, true);
        }
    }

    [Theory]
    [InlineData("synth", "--companies", "10")]
    [InlineData("synth", "--companies", "10", "--from", "2020-13", "--out", "x")]
    [InlineData("synth", "--companies", "10", "--from", "2021-01", "--to", "2020-01", "--out", "x")]
    [InlineData("synth", "--companies", "10", "--region", "99", "--out", "x")]
    public void Synth_refuses_bad_arguments_with_a_message(params string[] args)
    {
        var (exit, _, error) = Run(args);
        Assert.Equal(1, exit);
        Assert.StartsWith("sf synth:", error);
    }
}
