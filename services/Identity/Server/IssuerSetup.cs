using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using OpenIddict.Abstractions;
using SignauxFaibles.Identity.Account;
using SignauxFaibles.Identity.Clients;
using SignauxFaibles.Identity.Data;
using SignauxFaibles.Security.Authentication;

namespace SignauxFaibles.Identity.Server;

public static class IssuerSetup
{
    /// <summary>OpenIddict's server on this service's database: token and authorization endpoints, JWT access tokens for our audience.</summary>
    public static IHostApplicationBuilder AddIssuer(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(IssuerOptions.Section);
        builder.Services.Configure<IssuerOptions>(section);
        var options = section.Get<IssuerOptions>() ?? new();

        builder.Services.Configure<ForwardedHeadersOptions>(f =>
        {
            f.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var network in options.TrustedNetworks) f.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        var external = builder.Configuration.GetSection(IssuerOptions.Section + ":External").Get<ExternalProviderOptions>() ?? new();
        builder.Services.Configure<ExternalProviderOptions>(builder.Configuration.GetSection(IssuerOptions.Section + ":External"));
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            // Secure whenever the request came over TLS (directly or as forwarded by a trusted proxy).
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/account/login";
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
        }).AddExternalProvider(external);
        builder.Services.AddAuthorization();

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(server =>
            {
                server.SetTokenEndpointUris("connect/token")
                    .SetAuthorizationEndpointUris("connect/authorize");
                server.AllowClientCredentialsFlow()
                    .AllowAuthorizationCodeFlow()
                    .RequireProofKeyForCodeExchange();
                server.RegisterScopes([
                    OpenIddictConstants.Scopes.OpenId, OpenIddictConstants.Scopes.Email, OpenIddictConstants.Scopes.Profile,
                    SfClaims.OpsScope, .. IngestFeeds.All.Select(SfClaims.IngestScope)]);
                if (options.Issuer is not null) server.SetIssuer(options.Issuer);
                server.SetAccessTokenLifetime(options.AccessTokenLifetime);
                // Services validate access tokens themselves (JWKS from discovery): signed, not encrypted.
                server.DisableAccessTokenEncryption();
                AddKeys(server, options, builder.Environment);
                var aspNetCore = server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough();
                // TLS ends at the ingress (k8s) or is absent on a developer's machine.
                aspNetCore.DisableTransportSecurityRequirement();
            });
        builder.Services.AddHostedService<ClientRegistrar>();
        builder.Services.AddHostedService<TokenPruner>();
        return builder;
    }

    private static void AddKeys(OpenIddictServerBuilder server, IssuerOptions options, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(options.KeyFile))
        {
            var keys = KeyFile.LoadOrCreate(options.KeyFile);
            server.AddSigningKey(keys.Signing).AddEncryptionKey(keys.Encryption);
        }
        else if (environment.IsDevelopment() || environment.IsEnvironment("Testing"))
        {
            server.AddEphemeralSigningKey().AddEphemeralEncryptionKey();
        }
        else
        {
            throw new InvalidOperationException("Identity:KeyFile is required outside Development (mount it from a secret).");
        }
    }
}
