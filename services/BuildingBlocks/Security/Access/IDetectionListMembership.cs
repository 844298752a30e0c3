namespace SignauxFaibles.Security.Access;

/// <summary>
/// The single seam of the second half of the confidential-data rule (access.md): besides the right,
/// the company must be on the current red/orange list of the officer's zone, or followed by that
/// officer. A service that serves confidential company data registers its implementation from the
/// data it holds; see docs/adr/0013-gateway-and-identity.md for what is known today.
/// </summary>
public interface IDetectionListMembership
{
    Task<bool> IsListedOrFollowedAsync(OfficerAccess officer, string siren, CancellationToken ct);
}
