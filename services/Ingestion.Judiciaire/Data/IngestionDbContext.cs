using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Ingestion.Batches;

namespace SignauxFaibles.Ingestion.Judiciaire.Data;

/// <summary>The service's own database: batch ledger, rejects, outbox and inbox; Altares and Ellisphère facts are published, not kept.</summary>
public sealed class IngestionDbContext(DbContextOptions<IngestionDbContext> options) : IngestionDbContextBase(options);
