using System.CommandLine;
using RabbitMQ.Client.Exceptions;
using SignauxFaibles.Operations.Audit;
using SignauxFaibles.Operations.DeadLetters;

namespace SignauxFaibles.Cli.Ops;

/// <summary>
/// <c>sf ops dead-letters list|show|replay|purge</c> over MassTransit's <c>_error</c> queues.
/// Exit codes: 0 done, 1 usage or connection error, 3 some selected messages failed or were not found.
/// </summary>
internal static class DeadLettersCommand
{
    public const int Partial = 3;

    private static readonly Option<string?> AuditLog = new("--audit-log")
    {
        Description = $"Append-only audit file of replays and purges (default ${OperationsAuditLog.PathVariable}, else ~/.local/state/signaux-faibles/ops-audit.jsonl).",
        Recursive = true,
    };

    private static readonly Option<int> Max = new("--max")
    {
        Description = "Read at most this many messages of the queue.",
        DefaultValueFactory = _ => DeadLetterOperations.DefaultMax,
        Recursive = true,
    };

    public static Command Create()
    {
        var command = new Command("dead-letters", "Messages whose handling failed after every retry, parked in <endpoint>_error queues.")
        {
            AuditLog, Max,
        };
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Act("replay", "Send messages back to the endpoint they failed in (after the cause is fixed).", purge: false));
        command.Subcommands.Add(Act("purge", "Remove messages for good (their envelope is kept in the audit log).", purge: true));
        return command;
    }

    private static Command List()
    {
        var queue = new Argument<string?>("queue") { Description = "An error queue: list its messages. Without it: every error queue and its depth.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("list", "List the error queues, or the messages of one (read without removing them).") { queue };
        command.SetAction((parse, ct) => GuardAsync(parse, async () =>
        {
            var operations = Operations(parse);
            var console = OpsConnection.Console(parse);
            if (parse.GetValue(queue) is { } name) DeadLetterView.Messages(console, name, await operations.PeekAsync(name, parse.GetValue(Max), ct));
            else DeadLetterView.Queues(console, await operations.ErrorQueuesAsync(ct));
            return 0;
        }));
        return command;
    }

    private static Command Show()
    {
        var queue = new Argument<string>("queue") { Description = "The error queue." };
        var messageId = new Argument<string>("message-id") { Description = "MessageId of the message (see list)." };
        var command = new Command("show", "Show one message: its fault, stack trace, headers and body.") { queue, messageId };
        command.SetAction((parse, ct) => GuardAsync(parse, async () =>
        {
            var letters = await Operations(parse).PeekAsync(parse.GetValue(queue)!, parse.GetValue(Max), ct);
            var letter = letters.FirstOrDefault(l => l.MessageId.Equals(parse.GetValue(messageId), StringComparison.OrdinalIgnoreCase));
            if (letter is null)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"sf ops dead-letters: no message {parse.GetValue(messageId)} in {parse.GetValue(queue)}.");
                return Partial;
            }
            DeadLetterView.Detail(OpsConnection.Console(parse), letter);
            return 0;
        }));
        return command;
    }

    private static Command Act(string name, string description, bool purge)
    {
        var queue = new Argument<string>("queue") { Description = "The error queue (<endpoint>_error)." };
        var ids = new Option<string[]>("--message-id") { Description = "MessageId of a message to act on (repeatable).", AllowMultipleArgumentsPerToken = true };
        var all = new Option<bool>("--all") { Description = "Act on every message the queue holds now." };
        var reason = new Option<string?>("--reason") { Description = "Why (written to the audit log)." };
        var command = new Command(name, description) { queue, ids, all };
        if (purge) command.Options.Add(reason);
        command.SetAction((parse, ct) => GuardAsync(parse, async () =>
        {
            var selected = parse.GetValue(ids) ?? [];
            if (parse.GetValue(all) == selected.Length > 0)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"sf ops dead-letters {name}: give either --message-id (one or more) or --all.");
                return 1;
            }
            var selection = parse.GetValue(all) ? DeadLetterSelection.Everything : DeadLetterSelection.Of(selected);
            var operations = Operations(parse);
            var result = purge
                ? await operations.PurgeAsync(parse.GetValue(queue)!, selection, parse.GetValue(reason), parse.GetValue(Max), ct)
                : await operations.ReplayAsync(parse.GetValue(queue)!, selection, parse.GetValue(Max), ct);
            DeadLetterView.Outcome(OpsConnection.Console(parse), purge ? "purged" : "replayed", result);
            return result.Failed.Count > 0 || result.NotFound.Count > 0 ? Partial : 0;
        }));
        return command;
    }

    private static DeadLetterOperations Operations(ParseResult parse) =>
        new(OpsConnection.Broker(parse), new OperationsAuditLog(parse.GetValue(AuditLog) ?? OperationsAuditLog.DefaultPath()), Environment.UserName);

    // Broker unreachable, queue missing, bad arguments: one line on stderr, exit 1, no stack trace.
    private static async Task<int> GuardAsync(ParseResult parse, Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception ex) when (ex is BrokerUnreachableException or OperationInterruptedException or HttpRequestException
                                       or ArgumentException or InvalidOperationException or UriFormatException)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync($"sf ops dead-letters: {ex.Message}");
            return 1;
        }
    }
}
