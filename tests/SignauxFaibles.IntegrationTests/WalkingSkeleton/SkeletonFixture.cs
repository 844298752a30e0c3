using SignauxFaibles.Features;
using SignauxFaibles.Ingestion.Urssaf;
using SignauxFaibles.IntegrationTests.Hosting;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.WalkingSkeleton;

/// <summary>Ingestion.Urssaf and Features running together on one environment.</summary>
public sealed class SkeletonFixture : IAsyncLifetime
{
    public IntegrationEnvironment Env { get; private set; } = null!;
    public ServiceFactory<FeaturesService> Features { get; private set; } = null!;
    public ServiceFactory<IngestionUrssafService> Ingestion { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Env = await IntegrationEnvironment.CreateAsync();
        // Features first: its queue must exist before anything is published.
        Features = Services.Features(Env, "features", panelFrom: "1999-01", panelTo: "2012-12");
        Ingestion = Services.IngestionUrssaf(Env, "ingestion");
    }

    public async Task DisposeAsync()
    {
        await Ingestion.DisposeAsync();
        await Features.DisposeAsync();
        await Env.DisposeAsync();
    }
}
