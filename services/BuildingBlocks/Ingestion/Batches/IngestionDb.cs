using Microsoft.EntityFrameworkCore;

namespace SignauxFaibles.Ingestion.Batches;

/// <summary>The service's DbContext (which holds the ledger), for code shared by every ingestion service.</summary>
public sealed record IngestionDb(DbContext Context);
