using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Features.Data;
using SignauxFaibles.Security.Access;

namespace SignauxFaibles.Features.Access;

/// <summary>
/// On the current red/orange list (the last <see cref="RiskLevelChanged"/> for the company is
/// Moderate or High) or followed by this officer. The zone is checked before, by the caller.
/// </summary>
public sealed class DetectionListMembership(FeaturesDbContext db) : IDetectionListMembership
{
    public async Task<bool> IsListedOrFollowedAsync(OfficerAccess officer, string siren, CancellationToken ct) =>
        await db.ListedCompanies.AnyAsync(l => l.Siren == siren && l.Level != RiskLevel.None, ct)
        || await db.FollowedCompanies.AnyAsync(f => f.Siren == siren && f.Officer == officer.Subject, ct);
}
