using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using SignauxFaibles.Security.Terms;

namespace SignauxFaibles.Portal.Confidentiality;

/// <summary>
/// access.md: no page with company data before the officer has acknowledged the confidentiality
/// terms (renewed yearly). The issuer asks for them at sign-in and writes the date in the token the
/// portal keeps; a session whose acknowledgement has lapsed signs in again, which asks again. The
/// services check the same date on every call, so this gate only spares the officer a refusal.
/// </summary>
public sealed class ConfidentialityGate(TimeProvider clock) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (Acknowledged(context.HttpContext))
        {
            await next();
            return;
        }
        context.Result = new ChallengeResult(new AuthenticationProperties { RedirectUri = Here(context.HttpContext) });
    }

    public bool Acknowledged(HttpContext http) => ConfidentialityTerms.IsValid(ConfidentialityTerms.AcknowledgedAt(http.User), clock.GetUtcNow());

    public static string Here(HttpContext http) => http.Request.PathBase + http.Request.Path + http.Request.QueryString;
}

/// <summary>The same gate on the export endpoints (not pages).</summary>
public sealed class ConfidentialityEndpointFilter(ConfidentialityGate gate) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        gate.Acknowledged(context.HttpContext)
            ? await next(context)
            : Results.Challenge(new AuthenticationProperties { RedirectUri = ConfidentialityGate.Here(context.HttpContext) });
}
