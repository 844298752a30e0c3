using System.CommandLine;

namespace SignauxFaibles.Cli.Ops;

/// <summary><c>sf ops</c>: what an operator needs on a running platform.</summary>
internal static class OpsCommand
{
    public static Command Create()
    {
        var command = new Command("ops", "Operate the running platform: status screen, dead letters, parked outbox rows, stock re-publication, traces, fault campaigns.")
        {
            OpsConnection.RabbitMq, OpsConnection.Management, OpsConnection.Postgres,
        };
        command.Subcommands.Add(StatusCommand.Create());
        command.Subcommands.Add(DeadLettersCommand.Create());
        command.Subcommands.Add(OutboxCommand.Create());
        command.Subcommands.Add(RepublishCommand.Create());
        command.Subcommands.Add(TraceCommand.Create());
        command.Subcommands.Add(ScreenshotsCommand.Create());
        command.Subcommands.Add(Chaos.ChaosCommand.Create());
        return command;
    }
}
