using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SignauxFaibles.Ingestion.Dgefp;
using SignauxFaibles.Ingestion.Finance;
using SignauxFaibles.Ingestion.Insee;
using SignauxFaibles.Ingestion.Judiciaire;
using SignauxFaibles.IntegrationTests.Gateway;
using SignauxFaibles.IntegrationTests.Hosting;
using SignauxFaibles.IntegrationTests.Portal;
using SignauxFaibles.IntegrationTests.Scoring;
using SignauxFaibles.Testing;
using Xunit.Abstractions;

namespace SignauxFaibles.IntegrationTests.Security;

/// <summary>
/// The authorization matrix of docs/authorization-matrix.md, checked against the running services:
/// every endpoint each one maps (read from its endpoint data source, so a new endpoint is seen) must
/// have a row, every row must still exist, and every kind of caller must get what the row says.
/// With SF_MATRIX_RECORD set to a file, the observed table is written there to be reviewed.
/// </summary>
public sealed partial class AuthorizationMatrixTests(ITestOutputHelper output)
{
    private const string Through = "✓";

    private static readonly string[] Callers =
        ["Anonymous", "Institution (its feed)", "Institution (another feed)", "Officer (national, every right)", "Officer (Côte-d'Or, no right)", "Ops"];

    [Fact]
    public async Task Every_endpoint_of_every_service_answers_each_kind_of_caller_as_the_committed_matrix_says()
    {
        await using var stack = await PortalStack.StartAsync();
        await using var dgefp = Services.Ingestion<IngestionDgefpService>(stack.Env, "dgefp");
        await using var finance = Services.Ingestion<IngestionFinanceService>(stack.Env, "finance");
        await using var judiciaire = Services.Ingestion<IngestionJudiciaireService>(stack.Env, "judiciaire");
        await using var insee = Services.IngestionInsee(stack.Env, "insee");
        var services = new (string Name, IServiceProvider Services, Func<HttpClient> Client, string OwnFeed)[]
        {
            ("gateway", stack.Gateway.Services, () => Client(stack.Gateway), "urssaf"),
            ("identity", stack.Identity.Services, () => Client(stack.Identity), "urssaf"),
            ("portal", stack.Portal.Services, () => Client(stack.Portal), "urssaf"),
            ("features", stack.Features.Services, () => Client(stack.Features), "urssaf"),
            ("scoring", stack.Scoring.Services, () => Client(stack.Scoring), "urssaf"),
            ("notifications", stack.Notifications.Services, () => Client(stack.Notifications), "urssaf"),
            ("ingestion-urssaf", stack.Urssaf.Services, () => Client(stack.Urssaf), "urssaf"),
            ("ingestion-dgefp", dgefp.Services, () => Client(dgefp), "dgefp"),
            ("ingestion-finance", finance.Services, () => Client(finance), "bdf"),
            ("ingestion-judiciaire", judiciaire.Services, () => Client(judiciaire), "altares"),
            ("ingestion-insee", insee.Services, () => Client(insee), "insee"),
        };

        var committed = Matrix.Read(Path.Combine(RepositoryRoot.Find(), "docs", "authorization-matrix.md"));
        var observed = new List<Matrix.Row>();
        foreach (var (name, provider, client, ownFeed) in services)
        {
            using var http = client();
            foreach (var (method, route) in Endpoints(provider))
            {
                var cells = new List<string>();
                foreach (var caller in Callers)
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), Concrete(route, name));
                    if (method is "POST" or "PUT" or "PATCH") request.Content = new StringContent("", Encoding.UTF8, "application/json");
                    request.Headers.Authorization = Token(caller, ownFeed) is { } token ? new("Bearer", token) : null;
                    using var response = await http.SendAsync(request);
                    cells.Add(Cell(response.StatusCode));
                }
                observed.Add(new Matrix.Row(name, method, route, cells));
            }
        }

        if (Environment.GetEnvironmentVariable("SF_MATRIX_RECORD") is { Length: > 0 } record)
        {
            await File.WriteAllTextAsync(record, Matrix.Write(observed, Callers));
        }
        var missing = observed.Where(o => committed.All(c => c.Key != o.Key)).Select(o => o.Key).ToList();
        var gone = committed.Where(c => observed.All(o => o.Key != c.Key)).Select(c => c.Key).ToList();
        var differing = observed.Join(committed, o => o.Key, c => c.Key, (o, c) => (o, c))
            .SelectMany(p => p.o.Cells.Select((cell, i) => (Cell: cell, Expected: p.c.Cells.ElementAtOrDefault(i), Caller: Callers[i], p.o.Key)))
            .Where(x => x.Cell != x.Expected).Select(x => $"{x.Key} as {x.Caller}: {x.Cell}, the matrix says {x.Expected}").ToList();
        foreach (var line in missing.Select(m => "no row for " + m).Concat(gone.Select(g => "no endpoint for row " + g)).Concat(differing)) output.WriteLine(line);
        Assert.True(missing.Count == 0, $"Endpoints without a row in docs/authorization-matrix.md: {string.Join("; ", missing)}");
        Assert.True(gone.Count == 0, $"Rows of docs/authorization-matrix.md without an endpoint: {string.Join("; ", gone)}");
        Assert.True(differing.Count == 0, $"Answers differing from docs/authorization-matrix.md: {string.Join("; ", differing)}");
        Assert.True(observed.Count > 100, $"only {observed.Count} endpoints found");
    }

    private static HttpClient Client<T>(ServiceFactory<T> factory) where T : class
    {
        // A host started on Kestrel is called over the network, without following redirects (a sign-in redirect is an answer here).
        var client = factory.ClientOptions.BaseAddress.IsLoopback && factory.ClientOptions.BaseAddress.Host != "localhost"
            ? new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = factory.ClientOptions.BaseAddress }
            : factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        // Each request says who calls (no default token: the anonymous caller must be anonymous).
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    /// <summary>Route endpoints as (method, route), one per method; endpoints without a method answer any, asked with GET.</summary>
    private static IEnumerable<(string Method, string Route)> Endpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => (Method: m, Route: Route(e))))
            .Where(e => e.Method != "OPTIONS" && e.Method != "HEAD")
            .Distinct().OrderBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .Select(e => (e.Method == "*" ? "GET" : e.Method, e.Route));

    private static string Route(RouteEndpoint endpoint)
    {
        var raw = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
        return raw.Length > 1 ? raw.TrimEnd('/') : raw;
    }

    /// <summary>The route with sample values: a valid SIREN and SIRET, a fresh id, a month, a kind the service takes.</summary>
    private static string Concrete(string route, string service) => Parameter().Replace(route, m => m.Groups["name"].Value.ToLowerInvariant() switch
    {
        "siren" => TestModels.Siren(90_000_001).Value,
        "siret" => SampleSiret,
        "month" => "2024-06",
        "version" => "v999",
        "kind" => service switch
        {
            "ingestion-dgefp" => DgefpFileKinds.Demande.Name,
            "ingestion-finance" => FinanceFileKinds.Bdf.Name,
            "ingestion-judiciaire" => JudiciaireFileKinds.Altares.Name,
            "ingestion-insee" => InseeFileKinds.All[0].Name,
            _ => "urssaf-debit",
        },
        "rest" or "path" => "api/health-of-nothing",
        "name" => "sample",
        _ when m.Groups["constraint"].Value.Contains("long") || m.Groups["constraint"].Value.Contains("int") => "999999",
        _ => Guid.NewGuid().ToString(),
    });

    private static readonly string SampleSiret = Enumerable.Range(10, 90)
        .Select(nic => TestModels.Siren(90_000_001).Value + nic.ToString("D5", System.Globalization.CultureInfo.InvariantCulture))
        .First(s => SignauxFaibles.Contracts.Identifiers.Siret.TryParse(s, out _));

    [GeneratedRegex(@"\{\**(?<name>\w+)(?<constraint>:[^}?]*)?\??\}")]
    private static partial Regex Parameter();

    private static string? Token(string caller, string ownFeed) => caller switch
    {
        "Anonymous" => null,
        "Institution (its feed)" => TestTokens.Institution(ownFeed, "ingest:" + ownFeed),
        // A feed no service of this one's takes (judiciaire hosts altares and ellisphere, finance bdf, dgfip and bvd).
        "Institution (another feed)" => ownFeed == "urssaf" ? TestTokens.Institution("dgefp", "ingest:dgefp") : TestTokens.Institution("urssaf", "ingest:urssaf"),
        "Officer (national, every right)" => TestTokens.Officer("matrix.national@tests.invalid", "DGE", SignauxFaibles.Security.Authentication.Rights.All, ["national"]),
        "Officer (Côte-d'Or, no right)" => TestTokens.Officer("matrix.21@tests.invalid", "DDETS", [], ["dep:21"]),
        "Ops" => TestTokens.Operator("matrix.ops"),
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    private static string Cell(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "401",
        HttpStatusCode.Forbidden => "403",
        HttpStatusCode.Redirect or HttpStatusCode.Found when true => "302",
        _ => Through,
    };
}
