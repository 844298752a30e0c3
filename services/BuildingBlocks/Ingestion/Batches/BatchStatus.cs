namespace SignauxFaibles.Ingestion.Batches;

public enum BatchStatus
{
    Received,
    Parsing,
    Published,
    Completed,
    Failed,
}
