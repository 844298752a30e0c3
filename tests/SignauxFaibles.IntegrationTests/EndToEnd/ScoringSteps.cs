using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.IntegrationTests.WalkingSkeleton;
using SignauxFaibles.Messaging.Outbox;
using SignauxFaibles.Scoring.Data;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.EndToEnd;

/// <summary>Steps the end-to-end tests share around a running scoring service.</summary>
internal static class ScoringSteps
{
    /// <summary>Registers a packed model and promotes it.</summary>
    public static async Task ActivateAsync(HttpClient api, byte[] model)
    {
        var registered = await api.PostAsync("/api/models", new ByteArrayContent(model));
        registered.EnsureSuccessStatusCode();
        var version = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetString();
        (await api.PostAsync($"/api/models/{version}/promote", null)).EnsureSuccessStatusCode();
    }

    /// <summary>Waits until a queue and the service's outbox have been empty for longer than the broker's statistics interval.</summary>
    public static async Task QuietAsync(IntegrationEnvironment env, IServiceProvider scoring, string queue)
    {
        var since = DateTime.UtcNow;
        await Eventually.UntilAsync(async () =>
        {
            var pending = await env.Management.QueueDepthAsync(env.VirtualHost, queue)
                + await Db.QueryAsync<ScoringDbContext, int>(scoring, db => db.Set<OutboxMessage>().CountAsync())
                + await Db.QueryAsync<ScoringDbContext, int>(scoring, db => db.RescoreRuns.CountAsync(r => r.FinishedAt == null));
            if (pending > 0) since = DateTime.UtcNow;
            return DateTime.UtcNow - since;
        }, quiet => quiet > TimeSpan.FromSeconds(6), TimeSpan.FromMinutes(3), "scoring settled");
    }
}
