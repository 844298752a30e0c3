using System.CommandLine;
using Npgsql;
using Spectre.Console;
using SignauxFaibles.Operations.Audit;
using SignauxFaibles.Operations.Outbox;
using SignauxFaibles.Operations.Status;

namespace SignauxFaibles.Cli.Ops;

/// <summary>
/// <c>sf ops outbox parked list|retry|drop</c>: the outbox rows a relay parked after they failed too
/// often. Exit codes: 0 done, 1 usage or connection error, 3 none of the selected rows was parked.
/// </summary>
internal static class OutboxCommand
{
    private static readonly Option<string?> AuditLog = new("--audit-log")
    {
        Description = $"Append-only audit file of retries and drops (default ${OperationsAuditLog.PathVariable}, else ~/.local/state/signaux-faibles/ops-audit.jsonl).",
        Recursive = true,
    };

    public static Command Create()
    {
        var parked = new Command("parked", "Rows a relay skips after they failed too often (renamed type, oversized message…).") { AuditLog };
        parked.Subcommands.Add(List());
        parked.Subcommands.Add(Act("retry", "Give rows back to their relay (after the cause is fixed).", drop: false));
        parked.Subcommands.Add(Act("drop", "Delete rows for good (their body is kept in the audit log).", drop: true));
        return new Command("outbox", "The services' transactional outboxes.") { parked };
    }

    private static Command List()
    {
        var database = new Option<string?>("--database") { Description = "One service database (e.g. sf_features); default: all of them." };
        var command = new Command("list", "List the parked rows with the reason of their last failure.") { database };
        command.SetAction((parse, ct) => GuardAsync(parse, async () =>
        {
            var rows = await Operations(parse).ListAsync(parse.GetValue(database), ct);
            var table = new Table().AddColumns("Database", "Id", "Message", "Type", "Key", "Created", "Parked", "Failures", "Last error");
            foreach (var r in rows)
            {
                table.AddRow(Markup.Escape(r.Database), r.Id.ToString(), r.MessageId.ToString(), Markup.Escape(r.MessageType),
                    Markup.Escape(r.PartitionKey ?? ""), $"{r.CreatedAt:u}", $"{r.ParkedAt:u}", r.FailedAttempts.ToString(), Markup.Escape(r.LastError ?? ""));
            }
            var console = OpsConnection.Console(parse);
            if (rows.Count == 0) console.WriteLine("No parked outbox row.");
            else console.Write(table);
            return 0;
        }));
        return command;
    }

    private static Command Act(string name, string description, bool drop)
    {
        var database = new Option<string>("--database") { Description = "The service database holding the rows (see list).", Required = true };
        var ids = new Option<long[]>("--id") { Description = "Id of a parked row (repeatable).", AllowMultipleArgumentsPerToken = true };
        var all = new Option<bool>("--all") { Description = "Every row parked in that database now." };
        var reason = new Option<string?>("--reason") { Description = "Why (written to the audit log)." };
        var command = new Command(name, description) { database, ids, all };
        if (drop) command.Options.Add(reason);
        command.SetAction((parse, ct) => GuardAsync(parse, async () =>
        {
            var selected = parse.GetValue(ids) ?? [];
            if (parse.GetValue(all) == selected.Length > 0)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"sf ops outbox parked {name}: give either --id (one or more) or --all.");
                return 1;
            }
            var operations = Operations(parse);
            var done = drop
                ? await operations.DropAsync(parse.GetValue(database)!, selected, parse.GetValue(reason), ct)
                : await operations.RetryAsync(parse.GetValue(database)!, selected, ct);
            var missing = selected.Except(done.Select(r => r.Id)).ToList();
            await parse.InvocationConfiguration.Output.WriteLineAsync($"{(drop ? "dropped" : "given back to the relay")}: {done.Count} row(s)"
                + (missing.Count > 0 ? $"; not parked or not found: {string.Join(", ", missing)}" : ""));
            return done.Count == 0 || missing.Count > 0 ? DeadLettersCommand.Partial : 0;
        }));
        return command;
    }

    private static ParkedOutboxOperations Operations(ParseResult parse) => new(
        new ServiceDatabaseProbe(OpsConnection.PostgresServer(parse), StatusCollector.DefaultDatabasePrefix),
        new OperationsAuditLog(parse.GetValue(AuditLog) ?? OperationsAuditLog.DefaultPath()),
        Environment.UserName);

    // Server unreachable, database missing: one line on stderr, exit 1, no stack trace.
    private static async Task<int> GuardAsync(ParseResult parse, Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or ArgumentException)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync($"sf ops outbox: {ex.Message}");
            return 1;
        }
    }
}
