using SignauxFaibles.ServiceDefaults.Persistence;

namespace SignauxFaibles.Scoring.Data;

internal sealed class ScoringDesignTimeFactory : DesignTimeDbContextFactory<ScoringDbContext>;
