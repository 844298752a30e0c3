using Microsoft.AspNetCore.Http;

namespace SignauxFaibles.Security.Access;

/// <summary>The current request's officer, if the caller is one.</summary>
public sealed class OfficerAccessor(IHttpContextAccessor http)
{
    public OfficerAccess? Current => http.HttpContext?.User is { } user ? OfficerAccess.From(user) : null;
}
