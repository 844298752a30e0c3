using System.CommandLine;
using SignauxFaibles.Operations.Status;

namespace SignauxFaibles.Cli.Ops;

/// <summary><c>sf ops status [--watch SECONDS]</c>: queues, consumers, outbox backlogs and running batches on one screen.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var prefix = new Option<string>("--database-prefix")
        {
            Description = "Read the service databases whose name starts with this.",
            DefaultValueFactory = _ => StatusCollector.DefaultDatabasePrefix,
        };
        var watch = new Option<int?>("--watch") { Description = "Refresh every this many seconds until Ctrl+C." };
        var command = new Command("status", "One screen: queue depths and consumers, error queues, outbox backlogs, running batches.")
        {
            prefix, watch,
        };
        command.SetAction(async (parse, ct) =>
        {
            StatusCollector collector;
            try
            {
                collector = new StatusCollector(OpsConnection.Broker(parse), OpsConnection.PostgresServer(parse), parse.GetValue(prefix)!);
            }
            catch (UriFormatException ex)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"sf ops status: {ex.Message}");
                return 1;
            }
            var console = OpsConnection.Console(parse);
            if (parse.GetValue(watch) is not { } seconds)
            {
                var status = await collector.CollectAsync(ct);
                StatusView.Render(console, status);
                return status.Problems.Count == 0 ? 0 : 1;
            }
            try
            {
                while (!ct.IsCancellationRequested)
                {
                    var status = await collector.CollectAsync(ct);
                    console.Clear(home: true);
                    StatusView.Render(console, status);
                    await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, seconds)), ct);
                }
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C ends the watch.
            }
            return 0;
        });
        return command;
    }
}
