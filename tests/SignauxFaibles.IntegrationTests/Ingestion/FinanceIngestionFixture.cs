using SignauxFaibles.Ingestion.Finance;
using SignauxFaibles.IntegrationTests.Hosting;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Ingestion;

/// <summary>Ingestion.Finance plus a downstream consumer of everything it publishes, on one environment.</summary>
public sealed class FinanceIngestionFixture : IngestionServiceFixture<IngestionFinanceService>
{
    protected override ServiceFactory<IngestionFinanceService> StartService(IntegrationEnvironment env) => Services.Ingestion<IngestionFinanceService>(env, "ingestion");
}
