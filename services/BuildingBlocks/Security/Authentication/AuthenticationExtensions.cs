using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SignauxFaibles.Security.Terms;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;
using SignauxFaibles.Security.Access;

namespace SignauxFaibles.Security.Authentication;

public static class AuthenticationExtensions
{
    /// <summary>
    /// JWT bearer validation against the configured issuer (section <c>Authentication</c>), the
    /// named <see cref="SfPolicies"/> and a fallback policy that refuses anonymous callers.
    /// Call once in Program.cs, then <see cref="UseServiceAuthentication"/> after MapDefaultEndpoints.
    /// </summary>
    public static IHostApplicationBuilder AddServiceAuthentication(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ServiceAuthenticationOptions.Section).Get<ServiceAuthenticationOptions>() ?? new();
        var developmentKey = DevelopmentKey(options, builder.Environment);
        if (string.IsNullOrWhiteSpace(options.Authority) && developmentKey is null)
        {
            throw new InvalidOperationException(
                "No token issuer configured: set Authentication:Authority (the Identity service or an external OIDC provider), "
                + "or Authentication:DevelopmentSigningKey in Development/Testing.");
        }

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            // Claim names stay as issued (sub, scope, institution…), not mapped to WS-* URIs.
            jwt.MapInboundClaims = false;
            jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
            if (!string.IsNullOrWhiteSpace(options.Authority)) jwt.Authority = options.Authority;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidAudience = options.Audience,
                NameClaimType = SfClaims.Subject,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            if (developmentKey is not null)
            {
                // JwtBearer adds the issuer and keys of the discovery document to these when an authority is set too.
                jwt.TokenValidationParameters.ValidIssuers = [options.DevelopmentIssuer];
                jwt.TokenValidationParameters.IssuerSigningKeys = [developmentKey];
            }
        });
        builder.Services.AddAuthorization(SfPolicies.Register);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IAuthorizationHandler, AcknowledgedTermsHandler>();
        builder.Services.AddSingleton<IAuthorizationHandler, OfficerRightHandler>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ExplainedRefusalResultHandler>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<OfficerAccessor>();
        return builder;
    }

    public static WebApplication UseServiceAuthentication(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>The symmetric development key, refused outside Development and Testing so it cannot leak into production.</summary>
    private static SymmetricSecurityKey? DevelopmentKey(ServiceAuthenticationOptions options, IHostEnvironment environment)
    {
        if (string.IsNullOrWhiteSpace(options.DevelopmentSigningKey)) return null;
        if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
        {
            throw new InvalidOperationException("Authentication:DevelopmentSigningKey is only accepted in Development and Testing.");
        }
        var bytes = Convert.FromBase64String(options.DevelopmentSigningKey);
        if (bytes.Length < 32) throw new InvalidOperationException("Authentication:DevelopmentSigningKey must hold at least 32 bytes (base64).");
        return new SymmetricSecurityKey(bytes) { KeyId = "development" };
    }
}
