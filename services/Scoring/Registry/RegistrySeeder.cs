using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Scoring.Data;

namespace SignauxFaibles.Scoring.Registry;

/// <summary>
/// On a fresh installation (empty registry), registers and promotes the model folder named by
/// <c>Scoring:Registry:SeedModel</c>, so that a development stack scores from its first start.
/// An installation with any registered version is left alone.
/// </summary>
public sealed class RegistrySeeder(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<RegistrySeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var folder = configuration["Scoring:Registry:SeedModel"];
        if (string.IsNullOrWhiteSpace(folder)) return;
        if (!Path.IsPathRooted(folder)) folder = Path.Combine(AppContext.BaseDirectory, folder);
        if (!File.Exists(Path.Combine(folder, "model.json")))
        {
            logger.LogWarning("Seed model folder {Folder} has no model.json; the registry stays empty", folder);
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScoringDbContext>();
        if (await db.ModelVersions.AnyAsync(cancellationToken)) return;
        var registry = scope.ServiceProvider.GetRequiredService<ModelRegistry>();
        var version = await registry.RegisterAsync(ModelArtifact.Pack(folder), cancellationToken);
        try
        {
            await registry.PromoteAsync(version.Version, cancellationToken);
        }
        catch (PromotionRefusedException refused)
        {
            logger.LogError("Seed model {Folder} registered as {Version} but not promoted: {Reasons}", folder, version.Version, string.Join("; ", refused.Reasons));
            return;
        }
        logger.LogInformation("Registry seeded with {Version} ({Name}) from {Folder}", version.Version, version.Name, folder);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
