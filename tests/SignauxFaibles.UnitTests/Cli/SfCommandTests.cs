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
}
