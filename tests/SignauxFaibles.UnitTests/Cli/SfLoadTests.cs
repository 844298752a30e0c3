using System.CommandLine;
using SignauxFaibles.Cli;
using SignauxFaibles.Synthesis;

namespace SignauxFaibles.UnitTests.Cli;

/// <summary><c>sf load --until D</c> holds back the files the manifest dates after D (no gateway needed to check the choice).</summary>
public sealed class SfLoadTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"sf-load-test-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static (int Exit, string Output) Run(params string[] args)
    {
        var output = new StringWriter();
        int exit;
        try
        {
            exit = SfCommand.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = output });
        }
        catch (HttpRequestException)
        {
            exit = -1; // the plan is printed before the first call to the (absent) gateway
        }
        return (exit, output.ToString());
    }

    [Fact]
    public void Until_delivers_only_what_the_manifest_dates_on_or_before_the_day()
    {
        SyntheticDataset.Generate(new SynthesisOptions { Companies = 20, From = Month.Of(2026, 9), To = Month.Of(2026, 11), Seed = 3 }, _folder);

        // November's contributions are delivered on 15 December, its débits on the 8th.
        var (_, early) = Run("load", "--input", _folder, "--secret", "x", "--gateway", "http://127.0.0.1:1/", "--until", "2026-12-07");
        var (_, later) = Run("load", "--input", _folder, "--secret", "x", "--gateway", "http://127.0.0.1:1/", "--until", "2026-12-20");

        var held = Held(early);
        Assert.True(held > 0, early);
        Assert.True(Held(later) < held, later);
    }

    [Fact]
    public void Until_without_a_manifest_or_with_a_bad_day_is_refused()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "urssaf"));
        File.WriteAllText(Path.Combine(_folder, "urssaf", "sigfaible_debits_202611.csv"), "x\n");
        var (exit, output) = Run("load", "--input", _folder, "--secret", "x", "--until", "2026-12-07");
        Assert.Equal(2, exit);
        Assert.Contains("manifest.json", output);

        Assert.Equal(2, Run("load", "--input", _folder, "--secret", "x", "--until", "7/12/2026").Exit);
    }

    private static int Held(string output)
    {
        var line = output.Split('\n').Single(l => l.Contains("later ones are held back"));
        return int.Parse(line.Split("; the ")[1].Split(' ')[0]);
    }
}
