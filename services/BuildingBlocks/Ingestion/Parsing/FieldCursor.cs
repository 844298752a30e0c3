namespace SignauxFaibles.Ingestion.Parsing;

/// <summary>
/// Reads typed fields of one line by column name and keeps the first error as the line's reject
/// (file, line, column number from 1, column name, raw value, reason). Optional fields read
/// leniently (<see cref="Lenient{T}"/>) leave the field empty and add a warning instead: a newer
/// export's unknown code must not cost the record.
/// </summary>
public sealed class FieldCursor(string[] fields, ColumnMap columns, string fileName, long line)
{
    private List<LineReject>? _warnings;

    public LineReject? Reject { get; private set; }

    /// <summary>Optional fields left empty because their value could not be read; null when none.</summary>
    public IReadOnlyList<LineReject>? Warnings => _warnings;

    /// <summary>The raw value; null when empty or when the layout has no such column.</summary>
    public string? Optional(string column)
    {
        var index = columns.IndexOf(column);
        if (index < 0) return null;
        var value = fields[index];
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
        var raw = Raw(column);
        var value = parse(raw);
        if (value is null) Fail(column, raw, reason);
        return value.GetValueOrDefault();
    }

    public T? ParseObject<T>(string column, Func<string, T?> parse, string reason)
        where T : class
    {
        var raw = Raw(column);
        var value = parse(raw);
        if (value is null) Fail(column, raw, reason);
        return value;
    }

    /// <summary>Null when empty or absent; otherwise the value must parse.</summary>
    public T? OptionalValue<T>(string column, Func<string, T?> parse, string reason)
        where T : struct
    {
        var raw = Optional(column);
        if (raw is null) return null;
        var value = parse(raw);
        if (value is null) Fail(column, raw, reason);
        return value;
    }

    /// <summary>
    /// An optional field that informs but defines nothing (a reason code, a year, a status date):
    /// null when empty or absent; an unreadable value is left empty with a warning, and the line is kept.
    /// </summary>
    public T? Lenient<T>(string column, Func<string, T?> parse, string reason)
        where T : struct
    {
        var raw = Optional(column);
        if (raw is null) return null;
        var value = parse(raw);
        if (value is null) Warn(column, raw, reason);
        return value;
    }

    private void Warn(string column, string raw, string reason) =>
        (_warnings ??= []).Add(new LineReject(fileName, line, columns.IndexOf(column) is var index and >= 0 ? index + 1 : null, column, raw, reason));

    /// <summary>Records a reject on a column for a rule the readers above do not express.</summary>
    public void Fail(string column, string raw, string reason) =>
        Reject ??= new LineReject(fileName, line, columns.IndexOf(column) is var index and >= 0 ? index + 1 : null, column, raw, reason);

    private string Raw(string column) => columns.IndexOf(column) is var index and >= 0 ? fields[index] : string.Empty;
}
