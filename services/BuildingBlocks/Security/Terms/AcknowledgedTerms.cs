using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SignauxFaibles.Security.Audit;

namespace SignauxFaibles.Security.Terms;

/// <summary>An officer must hold valid confidentiality terms (other callers pass).</summary>
public sealed class AcknowledgedTermsRequirement : IAuthorizationRequirement;

public sealed class AcknowledgedTermsHandler(TimeProvider clock) : AuthorizationHandler<AcknowledgedTermsRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AcknowledgedTermsRequirement requirement)
    {
        if (ConfidentialityTerms.Refusal(context.User, clock.GetUtcNow()) is { } reason) context.Fail(new AuthorizationFailureReason(this, reason));
        else context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

/// <summary>
/// A refusal for want of the terms says so (403 with the reason, not a bare 403) and is audited
/// where the service keeps an audit log; any other outcome is the framework's.
/// </summary>
public sealed class TermsRefusalResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var reason = authorizeResult.Forbidden
            ? authorizeResult.AuthorizationFailure?.FailureReasons.FirstOrDefault(r => r.Handler is AcknowledgedTermsHandler)?.Message
            : null;
        if (reason is null)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        if (context.RequestServices.GetService<IAuditLog>() is { } audit)
        {
            await audit.RecordAsync(AuditActions.TermsMissing, $"{context.Request.Method} {context.Request.Path}", AuditOutcomes.Refused, reason, context.RequestAborted);
        }
        await Results.Problem($"Not allowed: {reason}.", statusCode: StatusCodes.Status403Forbidden, title: "Confidentiality terms not acknowledged")
            .ExecuteAsync(context);
    }
}
