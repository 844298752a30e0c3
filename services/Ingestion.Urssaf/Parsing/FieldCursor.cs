namespace SignauxFaibles.Ingestion.Urssaf.Parsing;

/// <summary>Reads typed fields of one line and keeps the first error as a line reject.</summary>
public sealed class FieldCursor(string[] fields, ColumnMap columns, string fileName, long line)
{
    public LineReject? Reject { get; private set; }

    public string? Optional(string column)
    {
        var value = fields[columns[column]];
        return value.Length == 0 ? null : value;
    }

    public string? Required(string column)
    {
        var value = Optional(column);
        if (value is null) Fail(column, string.Empty, "value is required");
        return value;
    }

    public T Parse<T>(string column, Func<string, T?> parse, string reason)
        where T : struct
    {
        var raw = fields[columns[column]];
        var value = parse(raw);
        if (value is null) Fail(column, raw, reason);
        return value.GetValueOrDefault();
    }

    public T? ParseObject<T>(string column, Func<string, T?> parse, string reason)
        where T : class
    {
        var raw = fields[columns[column]];
        var value = parse(raw);
        if (value is null) Fail(column, raw, reason);
        return value;
    }

    private void Fail(string column, string raw, string reason) =>
        Reject ??= new LineReject(fileName, line, columns[column] + 1, column, raw, reason);
}
