using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Caching.Memory;
using SignauxFaibles.Portal.Api;

namespace SignauxFaibles.Portal.Confidentiality;

/// <summary>
/// access.md: no page with company data before the officer has acknowledged the confidentiality
/// terms (the feature service keeps the date; renewed yearly). A positive answer is remembered a
/// few minutes per officer so that each page does not ask again.
/// </summary>
public sealed class ConfidentialityGate(GatewayClient services, IMemoryCache cache) : IAsyncPageFilter
{
    public const string PagePath = "/confidentialite";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerInstance is Pages.ConfidentialiteModel || await AcknowledgedAsync(context.HttpContext))
        {
            await next();
            return;
        }
        var here = context.HttpContext.Request.PathBase + context.HttpContext.Request.Path + context.HttpContext.Request.QueryString;
        context.Result = new RedirectResult(context.HttpContext.Request.PathBase + PagePath + "?returnUrl=" + Uri.EscapeDataString(here));
    }

    public async Task<bool> AcknowledgedAsync(HttpContext http)
    {
        var key = "confidentiality:" + http.User.FindFirst("sub")?.Value;
        if (cache.TryGetValue(key, out bool known) && known) return true;
        var answer = await services.ConfidentialityAsync(http.RequestAborted);
        var valid = answer.Value?.Valid == true;
        if (valid) cache.Set(key, true, TimeSpan.FromMinutes(10));
        return valid;
    }

    public void Forget(HttpContext http) => cache.Remove("confidentiality:" + http.User.FindFirst("sub")?.Value);
}

/// <summary>The same gate on the export endpoints (not pages).</summary>
public sealed class ConfidentialityEndpointFilter(ConfidentialityGate gate) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        await gate.AcknowledgedAsync(context.HttpContext)
            ? await next(context)
            : Results.Redirect(context.HttpContext.Request.PathBase + ConfidentialityGate.PagePath);
}
