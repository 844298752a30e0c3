using System.CommandLine;

namespace SignauxFaibles.Cli.Model;

/// <summary><c>sf model …</c>: training and evaluation of the risk models.</summary>
internal static class ModelCommand
{
    public static Command Create()
    {
        var command = new Command("model", "Train, evaluate and apply risk models.");
        command.Subcommands.Add(ModelTrainCommand.Create());
        command.Subcommands.Add(ModelScoreCommand.Create());
        command.Subcommands.Add(ModelBacktestCommand.Create());
        command.Subcommands.Add(ModelRegisterCommand.Create());
        command.Subcommands.Add(ModelProfileCommand.Create());
        command.Subcommands.Add(ModelDriftCommand.Create());
        return command;
    }
}
