using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SignauxFaibles.Security.Audit;

namespace SignauxFaibles.Security.Terms;

/// <summary>An officer must hold valid confidentiality terms (other callers pass).</summary>
public sealed class AcknowledgedTermsRequirement : IAuthorizationRequirement;

public sealed class AcknowledgedTermsHandler(TimeProvider clock) : AuthorizationHandler<AcknowledgedTermsRequirement>, IExplainsRefusal
{
    public string AuditAction => AuditActions.TermsMissing;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AcknowledgedTermsRequirement requirement)
    {
        if (ConfidentialityTerms.Refusal(context.User, clock.GetUtcNow()) is { } reason) context.Fail(new AuthorizationFailureReason(this, reason));
        else context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

/// <summary>An officer must hold a data right (ops and other callers pass: their own policies decide).</summary>
public sealed record OfficerRightRequirement(string Right) : IAuthorizationRequirement;

public sealed class OfficerRightHandler : AuthorizationHandler<OfficerRightRequirement>, IExplainsRefusal
{
    public string AuditAction => AuditActions.RightMissing;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OfficerRightRequirement requirement)
    {
        var officer = Access.OfficerAccess.From(context.User);
        if (officer is not null && !officer.Holds(requirement.Right)) context.Fail(new AuthorizationFailureReason(this, $"no '{requirement.Right}' right"));
        else context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

/// <summary>A handler whose refusal says why (403 with the reason) and is audited under its action.</summary>
public interface IExplainsRefusal
{
    string AuditAction { get; }
}

/// <summary>
/// A refusal by one of our explained requirements (terms, a right) says why — 403 with the reason,
/// not a bare 403 — and is audited where the service keeps an audit log; any other outcome is the
/// framework's.
/// </summary>
public sealed class ExplainedRefusalResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var failure = authorizeResult.Forbidden
            ? authorizeResult.AuthorizationFailure?.FailureReasons.FirstOrDefault(r => r.Handler is IExplainsRefusal)
            : null;
        if (failure is null)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        if (context.RequestServices.GetService<IAuditLog>() is { } audit)
        {
            await audit.RecordAsync(((IExplainsRefusal)failure.Handler).AuditAction, $"{context.Request.Method} {context.Request.Path}", AuditOutcomes.Refused,
                failure.Message, context.RequestAborted);
        }
        await Results.Problem($"Not allowed: {failure.Message}.", statusCode: StatusCodes.Status403Forbidden, title: "Access refused")
            .ExecuteAsync(context);
    }
}
