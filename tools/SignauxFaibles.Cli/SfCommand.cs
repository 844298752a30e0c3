using System.CommandLine;

namespace SignauxFaibles.Cli;

/// <summary>The root of the sf command tree; later issues add their commands here.</summary>
public static class SfCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("sf — operator and data commands of the Signaux Faibles platform.");
        root.Subcommands.Add(VersionCommand.Create());
        root.Subcommands.Add(ParseCommand.Create());
        root.Subcommands.Add(Bench.BenchCommand.Create());
        root.Subcommands.Add(Synth.SynthCommand.Create());
        root.Subcommands.Add(Panel.PanelCommand.Create());
        root.Subcommands.Add(Ops.OpsCommand.Create());
        root.Subcommands.Add(Model.ModelCommand.Create());
        root.Subcommands.Add(Token.TokenCommand.Create());
        root.Subcommands.Add(Load.LoadCommand.Create());
        return root;
    }
}
