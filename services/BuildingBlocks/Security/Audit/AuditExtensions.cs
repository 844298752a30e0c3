using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SignauxFaibles.Security.Authentication;

namespace SignauxFaibles.Security.Audit;

public static class AuditExtensions
{
    /// <summary>
    /// The audit writer on <typeparamref name="TDbContext"/> (whose model must call
    /// <see cref="AuditModel.AddAuditLog"/>). Needs the service's DbContext registered first.
    /// </summary>
    public static IHostApplicationBuilder AddAuditLog<TDbContext>(this IHostApplicationBuilder builder)
        where TDbContext : DbContext
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<IAuditLog, AuditLog<TDbContext>>();
        return builder;
    }

    /// <summary>GET /api/audit for operators: newest first, filtered by actor, action, resource, since.</summary>
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", async (string? actor, string? action, string? resource, DateTimeOffset? since, int? take, IAuditLog audit, CancellationToken ct) =>
                Results.Ok(await audit.QueryAsync(new AuditQuery(actor, action, resource, since, take ?? 100), ct)))
            .RequireAuthorization(SfPolicies.Ops)
            .WithTags("Audit")
            .WithSummary("Audit log of this service: confidential views, out-of-zone attempts, exports, refused pushes.");
        return app;
    }
}
