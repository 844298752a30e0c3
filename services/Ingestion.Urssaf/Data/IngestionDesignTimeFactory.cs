using SignauxFaibles.ServiceDefaults.Persistence;

namespace SignauxFaibles.Ingestion.Urssaf.Data;

internal sealed class IngestionDesignTimeFactory : DesignTimeDbContextFactory<IngestionDbContext>;
