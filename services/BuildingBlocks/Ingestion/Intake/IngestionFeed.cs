using System.Security.Claims;
using SignauxFaibles.Security.Authentication;

namespace SignauxFaibles.Ingestion.Intake;

/// <summary>The feed a service ingests (urssaf, dgefp, …): a delivery needs the token scope <c>ingest:{Name}</c>.</summary>
public sealed record IngestionFeed(string Name)
{
    public string Scope => SfClaims.IngestScope(Name);

    public bool Allows(ClaimsPrincipal user) => user.HasScope(Scope);
}
