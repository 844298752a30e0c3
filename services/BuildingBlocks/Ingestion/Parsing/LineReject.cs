namespace SignauxFaibles.Ingestion.Parsing;

/// <summary>Why one line of a delivered file was not ingested (line and column from 1).</summary>
public sealed record LineReject(string FileName, long Line, int? Column, string? ColumnName, string? RawValue, string Reason)
{
    public override string ToString() =>
        Column is null
            ? $"{FileName}:{Line}: {Reason}"
            : $"{FileName}:{Line}:{Column} ({ColumnName}) '{RawValue}': {Reason}";
}
