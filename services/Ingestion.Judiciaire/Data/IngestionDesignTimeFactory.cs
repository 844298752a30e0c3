using SignauxFaibles.ServiceDefaults.Persistence;

namespace SignauxFaibles.Ingestion.Judiciaire.Data;

internal sealed class IngestionDesignTimeFactory : DesignTimeDbContextFactory<IngestionDbContext>;
