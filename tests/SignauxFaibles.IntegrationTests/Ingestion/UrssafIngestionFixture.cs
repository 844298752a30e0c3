using SignauxFaibles.Ingestion.Urssaf;
using SignauxFaibles.IntegrationTests.Hosting;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Ingestion;

/// <summary>Ingestion.Urssaf plus a downstream consumer of everything it publishes, on one environment.</summary>
public sealed class UrssafIngestionFixture : IngestionServiceFixture<IngestionUrssafService>
{
    protected override ServiceFactory<IngestionUrssafService> Start(IntegrationEnvironment env) => Services.IngestionUrssaf(env, "ingestion");
}
