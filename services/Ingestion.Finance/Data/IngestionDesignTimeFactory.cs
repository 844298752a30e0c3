using SignauxFaibles.ServiceDefaults.Persistence;

namespace SignauxFaibles.Ingestion.Finance.Data;

internal sealed class IngestionDesignTimeFactory : DesignTimeDbContextFactory<IngestionDbContext>;
