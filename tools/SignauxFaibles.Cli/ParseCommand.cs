using System.CommandLine;
using System.Text.Json;
using SignauxFaibles.Ingestion.Dgefp;
using SignauxFaibles.Ingestion.FileKinds;
using SignauxFaibles.Ingestion.Files;
using SignauxFaibles.Ingestion.Finance;
using SignauxFaibles.Ingestion.Insee;
using SignauxFaibles.Ingestion.Judiciaire;
using SignauxFaibles.Ingestion.Parsing;
using SignauxFaibles.Ingestion.Urssaf;

namespace SignauxFaibles.Cli;

/// <summary>
/// <c>sf parse [--source kind] file</c>: one JSON object per record on stdout, one per rejected
/// line on stderr; exit 0 when the file was read (rejects included), 2 when it was refused whole.
/// </summary>
internal static class ParseCommand
{
    public const int Refused = 2;
    public const int UsageError = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static FileKindCatalog Catalog { get; } = new(
    [
        .. UrssafFileKinds.All,
        .. FinanceFileKinds.All,
        .. DgefpFileKinds.All,
        .. JudiciaireFileKinds.All,
        .. InseeFileKinds.All,
    ]);

    public static Command Create()
    {
        var source = new Option<string?>("--source") { Description = "File kind: " + Catalog.Names + ". Recognised from the file name when omitted." };
        var file = new Argument<FileInfo>("file") { Description = "The file as delivered (plain, gzip or zip; any encoding; or an xlsx workbook for the kinds delivered so)." };
        var command = new Command("parse", "Parse a delivered file with the services' parsers and print normalised records as JSON lines.")
        {
            source, file,
        };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(source), parse.GetValue(file)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));
        return command;
    }

    public static async Task<int> RunAsync(string? kindName, FileInfo file, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var kind = kindName is null ? Catalog.Recognise(file.Name) : Catalog.Find(kindName);
        if (kind is null)
        {
            await error.WriteLineAsync(kindName is null
                ? $"sf parse: cannot recognise the kind of '{file.Name}' from its name; give --source ({Catalog.Names})."
                : $"sf parse: unknown kind '{kindName}' ({Catalog.Names}).");
            return UsageError;
        }
        if (!file.Exists)
        {
            await error.WriteLineAsync($"sf parse: no such file '{file.FullName}'.");
            return UsageError;
        }

        try
        {
            await using var stream = file.OpenRead();
            await using var delivered = await DeliveredFile.OpenAsync(stream, ct);
            await foreach (var line in delivered.ParseAsync(kind.Parser, file.Name, ct))
            {
                if (line.Record is { } record) await output.WriteLineAsync(JsonSerializer.Serialize(record, record.GetType(), Json));
                else if (line.Reject is { } reject) await error.WriteLineAsync(JsonSerializer.Serialize(reject, Json));
                foreach (var warning in line.Warnings ?? []) await error.WriteLineAsync(JsonSerializer.Serialize(new { warning }, Json));
            }
            return 0;
        }
        catch (Exception ex) when (ex is FileRefusedException or InvalidDataException)
        {
            await error.WriteLineAsync(JsonSerializer.Serialize(new { file = file.Name, refused = ex.Message }, Json));
            return Refused;
        }
    }
}
