using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using SpectrePanel = Spectre.Console.Panel; // SignauxFaibles.Cli.Panel is the sf panel command
using SignauxFaibles.Operations.Broker;
using SignauxFaibles.Operations.DeadLetters;

namespace SignauxFaibles.Cli.Ops;

/// <summary>How dead letters are shown on the console.</summary>
internal static class DeadLetterView
{
    public static void Queues(IAnsiConsole console, IReadOnlyList<QueueStatistics> queues)
    {
        if (queues.Count == 0)
        {
            console.MarkupLine("[green]No error queue.[/]");
            return;
        }
        var table = new Table().AddColumns("Error queue", "Endpoint", "Messages");
        table.Columns[2].RightAligned();
        foreach (var q in queues)
        {
            var depth = q.Depth == 0 ? "0" : $"[red]{q.Depth.ToString("N0", CultureInfo.InvariantCulture)}[/]";
            table.AddRow(Markup.Escape(q.Name), Markup.Escape(ErrorQueues.EndpointOf(q.Name)), depth);
        }
        console.Write(table);
    }

    public static void Messages(IAnsiConsole console, string queue, IReadOnlyList<DeadLetter> letters)
    {
        console.MarkupLine($"[bold]{Markup.Escape(queue)}[/]: {letters.Count} message(s)");
        if (letters.Count == 0) return;
        var table = new Table().AddColumns("#", "MessageId", "Type", "Faulted at (UTC)", "Fault");
        foreach (var l in letters)
        {
            table.AddRow(
                l.Position.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(l.MessageId),
                Markup.Escape(ShortType(l.MessageType)),
                l.FaultedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "",
                Markup.Escape(Truncate($"{ShortType(l.ExceptionType ?? "")}: {l.FaultMessage}", 100)));
        }
        console.Write(table);
    }

    public static void Detail(IAnsiConsole console, DeadLetter letter)
    {
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("MessageId", Markup.Escape(letter.MessageId));
        grid.AddRow("Type", Markup.Escape(letter.MessageType));
        grid.AddRow("Error queue", Markup.Escape(letter.ErrorQueue));
        grid.AddRow("Replays to", Markup.Escape(letter.Endpoint));
        grid.AddRow("Consumer", Markup.Escape(letter.ConsumerType ?? ""));
        grid.AddRow("Faulted at", letter.FaultedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "");
        grid.AddRow("Exception", Markup.Escape(letter.ExceptionType ?? ""));
        grid.AddRow("Message", Markup.Escape(letter.FaultMessage ?? ""));
        console.Write(new SpectrePanel(grid).Header("Dead letter"));
        if (letter.StackTrace is { Length: > 0 } stack) console.Write(new SpectrePanel(Markup.Escape(stack)).Header("Stack trace"));
        var headers = new Table().AddColumns("Header", "Value");
        foreach (var (key, value) in letter.Headers.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            if (key.EndsWith("StackTrace", StringComparison.OrdinalIgnoreCase)) continue;
            headers.AddRow(Markup.Escape(key), Markup.Escape(Truncate(value, 200)));
        }
        console.Write(headers);
        console.Write(new SpectrePanel(Markup.Escape(PrettyBody(letter))).Header($"Body ({Markup.Escape(letter.ContentType ?? "no content type")})"));
    }

    public static void Outcome(IAnsiConsole console, string verb, DeadLetterActionResult result)
    {
        foreach (var l in result.Done) console.MarkupLine($"[green]{verb}[/] {Markup.Escape(l.MessageId)} ({Markup.Escape(ShortType(l.MessageType))}) → {Markup.Escape(verb == "replayed" ? l.Endpoint : "audit log")}");
        foreach (var (l, error) in result.Failed) console.MarkupLine($"[red]failed[/] {Markup.Escape(l.MessageId)}: {Markup.Escape(error)} (left in {Markup.Escape(l.ErrorQueue)})");
        foreach (var id in result.NotFound) console.MarkupLine($"[yellow]not found[/] {Markup.Escape(id)}");
        console.MarkupLine($"{result.Done.Count} {verb}, {result.Failed.Count} failed, {result.NotFound.Count} not found.");
    }

    private static string PrettyBody(DeadLetter letter)
    {
        if (letter.BodyText is not { } text) return $"{letter.Body.Length} bytes, not JSON";
        try
        {
            using var doc = JsonDocument.Parse(text);
            return JsonSerializer.Serialize(doc.RootElement, new JsonSerializerOptions { WriteIndented = true });
        }
        catch (JsonException)
        {
            return text;
        }
    }

    // "urn:message:SignauxFaibles.Contracts.Urssaf:DebitChunkPublished" → "DebitChunkPublished".
    private static string ShortType(string type) => type.Split(':', '.').LastOrDefault(p => p.Length > 0) ?? type;

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";
}
