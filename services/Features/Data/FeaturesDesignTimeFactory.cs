using SignauxFaibles.ServiceDefaults.Persistence;

namespace SignauxFaibles.Features.Data;

internal sealed class FeaturesDesignTimeFactory : DesignTimeDbContextFactory<FeaturesDbContext>;
