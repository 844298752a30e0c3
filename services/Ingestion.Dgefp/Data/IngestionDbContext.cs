using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Ingestion.Batches;

namespace SignauxFaibles.Ingestion.Dgefp.Data;

/// <summary>The service's own database: batch ledger, rejects, outbox and inbox; DGEFP facts are published, not kept.</summary>
public sealed class IngestionDbContext(DbContextOptions<IngestionDbContext> options) : IngestionDbContextBase(options);
