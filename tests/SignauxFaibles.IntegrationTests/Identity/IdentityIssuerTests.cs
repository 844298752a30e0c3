using System.CommandLine;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using SignauxFaibles.Security.Terms;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using SignauxFaibles.Cli;
using SignauxFaibles.Identity;
using SignauxFaibles.Identity.Data;
using SignauxFaibles.Ingestion.Urssaf;
using SignauxFaibles.IntegrationTests.Gateway;
using SignauxFaibles.IntegrationTests.Hosting;
using SignauxFaibles.IntegrationTests.WalkingSkeleton;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Identity;

/// <summary>
/// The real issuer: an officer imported in the notification service's directory reaches the
/// identity service by event and signs in (authorization code + PKCE, as <c>sf token</c> does);
/// an institution's client-credentials token is honoured by a service that knows the issuer only
/// by its URL (discovery and JWKS), for its own feed only.
/// </summary>
public sealed class IdentityIssuerTests
{
    private const string Roster = "Niveau;Institution;Accès géographique;Fonction;Prénom;Nom;E-mail;Droits\n"
        + "A;DREETS;21;Commissaire au redressement productif;Claire;Martin;claire.martin@dreets.example.fr;urssaf,dgefp\n"
        + "B;DGE;National;Exploitation de la plateforme;Paul;Opérateur;paul.operateur@dge.example.fr;\n";

    [Fact]
    public async Task Tokens_from_the_issuer_carry_the_directory_and_the_feed_scopes()
    {
        await using var env = await IntegrationEnvironment.CreateAsync();
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var port = GatewayHost.FreePort();
        var issuer = $"http://127.0.0.1:{port}/";
        await using var notifications = Services.Notifications(env, "notifications", new Dictionary<string, string?>());
        await using var identity = new ServiceFactory<IdentityService>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:postgres"] = env.DatabaseConnectionString("identity"),
            ["ConnectionStrings:rabbitmq"] = env.BrokerConnectionString("identity"),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Identity:Issuer"] = issuer,
            ["Identity:DevelopmentLogin"] = "true",
            ["Identity:Clients:urssaf:Secret"] = secret,
            ["Identity:Clients:dgefp:Secret"] = secret,
        }).StartedOn(port);
        await using var urssaf = Services.IngestionUrssaf(env, "urssaf", settings: new Dictionary<string, string?>
        {
            ["Authentication:Authority"] = issuer,
            ["Authentication:RequireHttpsMetadata"] = "false",
        });

        // The directory's import reaches the issuer's copy by event.
        var imported = await notifications.CreateClient().PostAsync("/api/officers/roster?fileName=roster.csv", new ByteArrayContent(Encoding.UTF8.GetBytes(Roster)));
        imported.EnsureSuccessStatusCode();
        await Eventually.UntilAsync(() => Db.QueryAsync<IdentityDbContext, int>(identity.Services, db => db.Officers.CountAsync(o => o.Email == "claire.martin@dreets.example.fr")),
            n => n == 1, TimeSpan.FromSeconds(30), "the officer in the issuer's copy of the directory");

        // No token before the confidentiality terms: the issuer asks for them at sign-in, then writes their date in every token.
        var beforeTerms = await TokenRunAsync("--issuer", issuer, "--officer", "claire.martin@dreets.example.fr");
        Assert.Equal(1, beforeTerms.Exit);
        Assert.Contains("confidentiality terms", beforeTerms.Error);
        var officer = new JsonWebToken(await TokenAsync("--issuer", issuer, "--officer", "claire.martin@dreets.example.fr", "--accept-terms"));
        var acknowledged = await Db.QueryAsync<IdentityDbContext, DateTimeOffset>(identity.Services,
            db => db.TermsAcknowledgements.Where(t => t.Email == "claire.martin@dreets.example.fr").Select(t => t.AcknowledgedAt).SingleAsync());
        Assert.Equal(acknowledged, ConfidentialityTerms.AcknowledgedAt(new ClaimsPrincipal(new ClaimsIdentity(officer.Claims))));
        // Acknowledged once: the next sign-in goes straight through.
        Assert.Equal(0, (await TokenRunAsync("--issuer", issuer, "--officer", "claire.martin@dreets.example.fr")).Exit);
        Assert.Equal("claire.martin@dreets.example.fr", officer.Subject);
        Assert.Equal("DREETS", officer.GetClaim("institution").Value);
        Assert.Equal(["dgefp", "urssaf"], officer.Claims.Where(c => c.Type == "right").Select(c => c.Value).Order());
        Assert.Equal(["dep:21"], officer.Claims.Where(c => c.Type == "territory").Select(c => c.Value));
        Assert.Contains("signaux-faibles", officer.Audiences);
        Assert.Equal(1, (await TokenRunAsync("--issuer", issuer, "--officer", "someone.else@example.fr")).Exit);

        // Institutions: the token of the feed's own client passes the service's check, another feed's does not.
        var urssafToken = await TokenAsync("--issuer", issuer, "--client", "urssaf", "--secret", secret);
        var dgefpToken = await TokenAsync("--issuer", issuer, "--client", "dgefp", "--secret", secret);
        Assert.Equal("ingest:urssaf", new JsonWebToken(urssafToken).GetClaim("scope").Value);
        var client = urssaf.CreateClient();
        Assert.Equal(HttpStatusCode.BadRequest, (await PushAsync(client, urssafToken)).StatusCode);   // an empty push, refused for its content
        Assert.Equal(HttpStatusCode.Forbidden, (await PushAsync(client, dgefpToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PushAsync(client, urssafToken + "x")).StatusCode);
        Assert.Equal(1, (await TokenRunAsync("--issuer", issuer, "--client", "urssaf", "--secret", "wrong")).Exit);

        // Operators are people: the directory gives one the ops role, and they sign in as themselves.
        var operatorId = (await notifications.CreateClient().GetFromJsonAsync<System.Text.Json.JsonElement[]>("/api/officers"))!
            .Single(o => o.GetProperty("email").GetString() == "paul.operateur@dge.example.fr").GetProperty("id").GetGuid();
        (await notifications.CreateClient().PatchAsJsonAsync($"/api/officers/{operatorId}", new { @operator = true })).EnsureSuccessStatusCode();
        await Eventually.UntilAsync(() => Db.QueryAsync<IdentityDbContext, List<string>>(identity.Services,
                db => db.Officers.Where(o => o.Email == "paul.operateur@dge.example.fr").Select(o => o.Roles).SingleAsync()),
            roles => roles.Contains("ops"), TimeSpan.FromSeconds(30), "the ops role in the issuer's copy");
        var operatorToken = new JsonWebToken(await TokenAsync("--issuer", issuer, "--officer", "paul.operateur@dge.example.fr", "--accept-terms"));
        Assert.Contains("ops", operatorToken.GetClaim("scope").Value.Split(' '));
        Assert.False(operatorToken.TryGetClaim("institution", out _));   // not an officer: no zone, no rights
        using var pending = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/pending-records").As(operatorToken.EncodedToken));
        Assert.Equal(HttpStatusCode.OK, pending.StatusCode);
        var traced = await Db.QueryAsync<SignauxFaibles.Ingestion.Urssaf.Data.IngestionDbContext, List<string>>(urssaf.Services,
            db => db.Set<SignauxFaibles.Security.Audit.AuditEntry>().Where(a => a.Resource == "pending-records").Select(a => a.Actor).ToListAsync());
        Assert.Equal(["paul.operateur@dge.example.fr"], traced);
    }

    private static Task<HttpResponseMessage> PushAsync(HttpClient client, string token) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/records/urssaf-debit") { Content = new StringContent("[]", Encoding.UTF8, "application/json") }.As(token));

    private static async Task<string> TokenAsync(params string[] args)
    {
        var (exit, output, error) = await TokenRunAsync(args);
        Assert.True(exit == 0, $"sf token {string.Join(' ', args)}: {error}");
        return output.Trim();
    }

    private static async Task<(int Exit, string Output, string Error)> TokenRunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await SfCommand.Create().Parse(["token", .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
