using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Ingestion.Batches;

namespace SignauxFaibles.Ingestion.Finance.Data;

/// <summary>The service's own data: the batch ledger and the outbox/inbox; statements are published, not kept.</summary>
public sealed class IngestionDbContext(DbContextOptions<IngestionDbContext> options) : IngestionDbContextBase(options);
