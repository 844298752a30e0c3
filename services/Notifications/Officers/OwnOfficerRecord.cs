using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Notifications.Data;
using SignauxFaibles.Security.Authentication;

namespace SignauxFaibles.Notifications.Officers;

/// <summary>
/// An officer reaches only their own directory entry and inbox (matched by the token's e-mail, the
/// roster's key); operators reach every one. Endpoints using it take the officer's id as
/// <c>{id}</c> or <c>{officerId}</c>.
/// </summary>
public sealed class OwnOfficerRecord(NotificationsDbContext db) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.HasScope(SfClaims.OpsScope)) return await next(context);
        var route = http.Request.RouteValues;
        var raw = route.TryGetValue("officerId", out var officerId) ? officerId : route.GetValueOrDefault("id");
        var email = http.User.FindFirst(SfClaims.Email)?.Value?.ToLowerInvariant();
        if (email is null || !Guid.TryParse(raw?.ToString(), out var id)
            || !await db.Officers.AnyAsync(o => o.Id == id && o.Email == email, http.RequestAborted))
        {
            return Results.Problem("Officers reach only their own entry and inbox.", statusCode: StatusCodes.Status403Forbidden);
        }
        return await next(context);
    }
}
