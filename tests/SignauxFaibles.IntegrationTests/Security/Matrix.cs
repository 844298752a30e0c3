using System.Text;

namespace SignauxFaibles.IntegrationTests.Security;

/// <summary>The markdown table of docs/authorization-matrix.md: one row per service, method and route, one cell per kind of caller.</summary>
internal static class Matrix
{
    public sealed record Row(string Service, string Method, string Route, IReadOnlyList<string> Cells)
    {
        public string Key => $"{Service} {Method} {Route}";
    }

    private const string Begin = "<!-- matrix:begin -->";
    private const string End = "<!-- matrix:end -->";

    /// <summary>The rows between the begin and end markers (the prose around them is free).</summary>
    public static List<Row> Read(string path)
    {
        var text = File.ReadAllText(path);
        var (from, to) = (text.IndexOf(Begin, StringComparison.Ordinal), text.IndexOf(End, StringComparison.Ordinal));
        if (from < 0 || to < from) throw new InvalidOperationException($"{path} has no {Begin} … {End} table.");
        return text[(from + Begin.Length)..to].Split('\n')
            .Select(l => l.Trim()).Where(l => l.StartsWith('|') && !l.StartsWith("|---", StringComparison.Ordinal) && !l.StartsWith("| Service", StringComparison.Ordinal))
            .Select(l => l.Trim('|').Split('|').Select(c => c.Trim().Trim('`')).ToList())
            .Select(c => new Row(c[0], c[1], c[2], c.Skip(3).ToList()))
            .ToList();
    }

    public static string Write(IEnumerable<Row> rows, IReadOnlyList<string> callers)
    {
        var table = new StringBuilder();
        table.Append(Begin).Append('\n');
        table.Append("| Service | Method | Route | ").Append(string.Join(" | ", callers)).Append(" |\n");
        table.Append("|---|---|---|").Append(string.Concat(callers.Select(_ => "---|"))).Append('\n');
        foreach (var r in rows) table.Append($"| {r.Service} | {r.Method} | `{r.Route}` | {string.Join(" | ", r.Cells)} |\n");
        table.Append(End).Append('\n');
        return table.ToString();
    }
}
