using OpenIddict.Abstractions;

namespace SignauxFaibles.Identity.Server;

/// <summary>
/// OpenIddict keeps an entry per issued token and authorization (one-time codes, revocation); every
/// hour, those created more than a day ago and no longer valid are removed, so the tables do not grow
/// with every token asked.
/// </summary>
public sealed partial class TokenPruner(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TokenPruner> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);
    private static readonly TimeSpan MinimumAge = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var threshold = clock.GetUtcNow() - MinimumAge;
                var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, stoppingToken);
                var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, stoppingToken);
                if (tokens + authorizations > 0) LogPruned(tokens, authorizations);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next round tries again; a failed pruning loses nothing.
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Tokens} tokens and {Authorizations} authorizations")]
    private partial void LogPruned(long tokens, long authorizations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Token pruning failed")]
    private partial void LogFailed(Exception exception);
}
