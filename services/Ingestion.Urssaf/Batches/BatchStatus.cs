namespace SignauxFaibles.Ingestion.Urssaf.Batches;

public enum BatchStatus
{
    Received,
    Parsing,
    Published,
    Completed,
    Failed,
}
