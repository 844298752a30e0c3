using SignauxFaibles.Ingestion.Judiciaire;
using SignauxFaibles.IntegrationTests.Hosting;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Ingestion;

/// <summary>Ingestion.Judiciaire plus a downstream consumer of everything it publishes, on one environment.</summary>
public sealed class JudiciaireIngestionFixture : IngestionServiceFixture<IngestionJudiciaireService>
{
    protected override ServiceFactory<IngestionJudiciaireService> StartService(IntegrationEnvironment env) => Services.Ingestion<IngestionJudiciaireService>(env, "ingestion");
}
