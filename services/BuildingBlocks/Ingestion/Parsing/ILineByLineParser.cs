namespace SignauxFaibles.Ingestion.Parsing;

/// <summary>
/// A delimited parser read the way it was before Sep (<see cref="ReadLineLines"/>): the reference
/// of the equivalence tests and the baseline of <c>sf bench parse</c>.
/// </summary>
internal interface ILineByLineParser
{
    IAsyncEnumerable<ParsedLine> ParseLineByLineAsync(TextReader reader, string fileName, CancellationToken cancellationToken = default);
}
