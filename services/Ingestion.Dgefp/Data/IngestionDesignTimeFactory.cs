using SignauxFaibles.ServiceDefaults.Persistence;

namespace SignauxFaibles.Ingestion.Dgefp.Data;

internal sealed class IngestionDesignTimeFactory : DesignTimeDbContextFactory<IngestionDbContext>;
