using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using SignauxFaibles.ServiceDefaults.Persistence;

namespace SignauxFaibles.ServiceDefaults;

/// <summary>
/// A request that fails because the database is away answers 503 with Retry-After, not 500: the
/// caller (an institution's delivery, the portal) may try again in a moment and nothing was kept.
/// </summary>
public sealed class DatabaseAwayHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseAway.Is(exception)) return false;
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Title = "Database unavailable", Detail = "The service's database is unavailable for now; nothing was kept. Try again in a few seconds.", Status = 503 },
        });
    }
}
