using SignauxFaibles.ServiceDefaults.Persistence;

namespace SignauxFaibles.Ingestion.Insee.Data;

internal sealed class IngestionDesignTimeFactory : DesignTimeDbContextFactory<IngestionDbContext>;
