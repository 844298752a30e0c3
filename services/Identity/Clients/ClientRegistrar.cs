using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using SignauxFaibles.Identity.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SignauxFaibles.Identity.Clients;

/// <summary>
/// Registers (or updates) the configured clients in OpenIddict's store at start-up, so the
/// configuration stays the single description of who may ask for which scope; a client no longer
/// configured (e.g. the former shared <c>finance</c> client) is removed, so its secret stops working.
/// </summary>
public sealed class ClientRegistrar(IServiceScopeFactory scopes, IOptions<IssuerOptions> options, ILogger<ClientRegistrar> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        foreach (var (clientId, client) in options.Value.Clients)
        {
            if (!client.Public && string.IsNullOrWhiteSpace(client.Secret))
            {
                logger.LogWarning("Client {ClientId} has no secret configured (Identity:Clients:{ClientId}:Secret); not registered.", clientId, clientId);
                continue;
            }
            var descriptor = Describe(clientId, client);
            var existing = await manager.FindByClientIdAsync(clientId, cancellationToken);
            if (existing is null)
            {
                try
                {
                    await manager.CreateAsync(descriptor, cancellationToken);
                    continue;
                }
                catch (Exception ex) when (ex is DbUpdateException or OpenIddictExceptions.ConcurrencyException)
                {
                    // Another replica registered it at the same moment: update that one instead.
                    existing = await manager.FindByClientIdAsync(clientId, cancellationToken)
                        ?? throw new InvalidOperationException($"Client {clientId} could be neither created nor found.", ex);
                }
            }
            await manager.UpdateAsync(existing, descriptor, cancellationToken);
        }
        await RetireUnconfiguredAsync(manager, cancellationToken);
    }

    private async Task RetireUnconfiguredAsync(IOpenIddictApplicationManager manager, CancellationToken ct)
    {
        var retired = new List<object>();
        await foreach (var application in manager.ListAsync(count: null, offset: null, ct))
        {
            if (await manager.GetClientIdAsync(application, ct) is { } id && !options.Value.Clients.ContainsKey(id)) retired.Add(application);
        }
        foreach (var application in retired)
        {
            logger.LogWarning("Client {ClientId} is no longer configured; removed.", await manager.GetClientIdAsync(application, ct));
            await manager.DeleteAsync(application, ct);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static OpenIddictApplicationDescriptor Describe(string clientId, ClientDefinition client)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            DisplayName = client.DisplayName ?? clientId,
            ClientType = client.Public ? ClientTypes.Public : ClientTypes.Confidential,
            ClientSecret = client.Public ? null : client.Secret,
        };
        descriptor.Permissions.Add(Permissions.Endpoints.Token);
        if (client.Public)
        {
            // Officers: authorization code + PKCE; their rights come from the directory, not from scopes.
            descriptor.Permissions.Add(Permissions.Endpoints.Authorization);
            descriptor.Permissions.Add(Permissions.GrantTypes.AuthorizationCode);
            descriptor.Permissions.Add(Permissions.ResponseTypes.Code);
            descriptor.Permissions.Add(Permissions.Scopes.Email);
            descriptor.Permissions.Add(Permissions.Scopes.Profile);
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
            foreach (var uri in client.RedirectUris) descriptor.RedirectUris.Add(uri);
        }
        else
        {
            descriptor.Permissions.Add(Permissions.GrantTypes.ClientCredentials);
            foreach (var scope in client.Scopes) descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }
        return descriptor;
    }
}
