namespace SignauxFaibles.Ingestion.Parsing;

/// <summary>Reads one file layout. Bad lines become rejects; a file it cannot read at all throws <see cref="FileRefusedException"/>.</summary>
public interface IRecordParser
{
    IAsyncEnumerable<ParsedLine> ParseAsync(TextReader reader, string fileName, CancellationToken cancellationToken = default);
}
