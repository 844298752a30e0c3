using SignauxFaibles.Ingestion.Dgefp;
using SignauxFaibles.IntegrationTests.Hosting;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Ingestion;

/// <summary>Ingestion.Dgefp plus a downstream consumer of everything it publishes, on one environment.</summary>
public sealed class DgefpIngestionFixture : IngestionServiceFixture<IngestionDgefpService>
{
    protected override ServiceFactory<IngestionDgefpService> StartService(IntegrationEnvironment env) => Services.Ingestion<IngestionDgefpService>(env, "ingestion");
}
