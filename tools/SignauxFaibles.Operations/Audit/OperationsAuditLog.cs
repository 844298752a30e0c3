using System.Text;
using System.Text.Json;

namespace SignauxFaibles.Operations.Audit;

/// <summary>
/// Append-only JSON Lines file of operator actions (replays, purges), one line per message. It is a
/// plain file so it can be shipped with the other logs and read with jq or grep; each line is flushed
/// to disk before the broker is told to drop the message, so no action goes unrecorded.
/// </summary>
public sealed class OperationsAuditLog(string path)
{
    public const string PathVariable = "SF_OPS_AUDIT_LOG";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary><c>$SF_OPS_AUDIT_LOG</c>, else <c>~/.local/state/signaux-faibles/ops-audit.jsonl</c>.</summary>
    public static string DefaultPath()
    {
        var configured = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        if (string.IsNullOrWhiteSpace(state))
        {
            state = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        }
        return System.IO.Path.Combine(state, "signaux-faibles", "ops-audit.jsonl");
    }

    public async Task AppendAsync(AuditEntry entry, CancellationToken ct = default)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, Json) + "\n");
        // Append mode: the file can only grow, and concurrent operators' lines never overwrite each other.
        await using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, 4096, FileOptions.Asynchronous);
        await file.WriteAsync(line, ct);
        await file.FlushAsync(ct);
        file.Flush(flushToDisk: true);
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(CancellationToken ct = default)
    {
        if (!File.Exists(Path)) return [];
        var entries = new List<AuditEntry>();
        foreach (var line in await File.ReadAllLinesAsync(Path, ct))
        {
            if (line.Length > 0) entries.Add(JsonSerializer.Deserialize<AuditEntry>(line, Json)!);
        }
        return entries;
    }
}
