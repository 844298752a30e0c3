using System.Collections.Immutable;
using System.Security.Claims;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using SignauxFaibles.Security.Authentication;
using SignauxFaibles.Security.Terms;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SignauxFaibles.Identity.Officers;

/// <summary>An officer's token claims, as the services read them (SignauxFaibles.Security).</summary>
public static class OfficerClaims
{
    public static ClaimsIdentity Identity(DirectoryOfficer officer, DateTimeOffset termsAcknowledgedAt, ImmutableArray<string> requestedScopes)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, officer.Email);
        identity.SetClaim(Claims.Email, officer.Email);
        identity.SetClaim(Claims.Name, officer.Name);
        identity.SetClaim(SfClaims.TermsAcknowledgedAt, ConfidentialityTerms.Format(termsAcknowledgedAt));
        var personal = requestedScopes.Where(s => s is Scopes.OpenId or Scopes.Email or Scopes.Profile);
        if (officer.IsOperator)
        {
            // An operator signs in as themselves: the ops scope, and no officer claims (no zone, no rights),
            // so every read of company data is traced under the person's name.
            identity.SetScopes([.. personal, SfClaims.OpsScope]);
        }
        else
        {
            identity.SetClaim(SfClaims.Institution, officer.Institution);
            identity.SetClaims(SfClaims.Right, [.. officer.Rights.Where(Rights.All.Contains)]);
            identity.SetClaims(SfClaims.Territory, [.. Territories(officer)]);
            // Officers get no ingest or ops scope, whatever they ask for: those belong to clients.
            identity.SetScopes(personal);
        }
        identity.SetResources(SfClaims.Audience);
        identity.SetDestinations(claim => claim.Type is Claims.Name or Claims.Email
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken]);
        return identity;
    }

    public static IEnumerable<string> Territories(DirectoryOfficer officer) => officer.National
        ? [SfClaims.NationalTerritory]
        : officer.Departements.Select(d => SfClaims.DepartementPrefix + d).Concat(officer.Regions.Select(r => SfClaims.RegionPrefix + r));
}
