using SignauxFaibles.Features.Data;
using SignauxFaibles.Security.Access;
using SignauxFaibles.Security.Authentication;

namespace SignauxFaibles.Features.Access;

/// <summary>
/// access.md: before the first access the officer acknowledges the confidentiality terms and the
/// date is kept; the portal asks again once a year (<see cref="Validity"/>).
/// </summary>
public static class ConfidentialityEndpoints
{
    public static readonly TimeSpan Validity = TimeSpan.FromDays(365);

    public static IEndpointRouteBuilder MapConfidentialityEndpoints(this IEndpointRouteBuilder app)
    {
        var terms = app.MapGroup("/api/officers/me/confidentiality").WithTags("Confidentiality").RequireAuthorization(SfPolicies.Officer);
        terms.MapGet("/", async (OfficerAccessor officers, FeaturesDbContext db, TimeProvider clock, CancellationToken ct) =>
                Describe(await db.ConfidentialityAcknowledgements.FindAsync([officers.Current!.Subject], ct), clock))
            .WithSummary("When the officer last acknowledged the confidentiality terms, and whether that still holds (a year).");
        terms.MapPut("/", async (OfficerAccessor officers, FeaturesDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                var subject = officers.Current!.Subject;
                var acknowledgement = await db.ConfidentialityAcknowledgements.FindAsync([subject], ct);
                if (acknowledgement is null) db.ConfidentialityAcknowledgements.Add(acknowledgement = new ConfidentialityAcknowledgement { Officer = subject });
                acknowledgement.AcknowledgedAt = clock.GetUtcNow();
                await db.SaveChangesAsync(ct);
                return Describe(acknowledgement, clock);
            })
            .WithSummary("Records the officer's acknowledgement of the confidentiality terms now.");
        return app;
    }

    private static IResult Describe(ConfidentialityAcknowledgement? acknowledgement, TimeProvider clock) => Results.Ok(new
    {
        acknowledgedAt = acknowledgement?.AcknowledgedAt,
        validUntil = acknowledgement?.AcknowledgedAt + Validity,
        valid = acknowledgement is not null && acknowledgement.AcknowledgedAt + Validity > clock.GetUtcNow(),
    });
}
