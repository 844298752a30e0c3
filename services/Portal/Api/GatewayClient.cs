using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace SignauxFaibles.Portal.Api;

/// <summary>Raised when the officer's token is refused (expired): the page signs the officer in again.</summary>
public sealed class SessionExpiredException() : Exception("The officer's access token was refused.");

/// <summary>
/// The services, through the gateway, called with the signed-in officer's own token: the zone,
/// rights, list-or-followed rule and audit are the services' (access.md), never the portal's.
/// </summary>
public sealed partial class GatewayClient(HttpClient http, IHttpContextAccessor context)
{
    public Task<ApiResult<DetectionList>> DetectionListAsync(ListFilters f, IReadOnlyCollection<string> exclude, bool forExport, CancellationToken ct)
    {
        var query = new Dictionary<string, string?>
        {
            ["departement"] = f.Departement, ["region"] = f.Region, ["level"] = f.Level, ["section"] = f.Section, ["size"] = f.Size,
            ["minHeadcount"] = f.MinHeadcount?.ToString(CultureInfo.InvariantCulture), ["maxHeadcount"] = f.MaxHeadcount?.ToString(CultureInfo.InvariantCulture),
            // The portal asks in k€, as officers read turnover; the scoring service stores euros.
            ["minTurnover"] = (f.MinTurnoverThousands * 1000L)?.ToString(CultureInfo.InvariantCulture),
            ["maxTurnover"] = (f.MaxTurnoverThousands * 1000L)?.ToString(CultureInfo.InvariantCulture),
            ["firstAlertOnly"] = f.FirstAlertOnly ? "true" : null, ["sort"] = f.Sort,
            ["page"] = f.Page.ToString(CultureInfo.InvariantCulture), ["pageSize"] = f.PageSize.ToString(CultureInfo.InvariantCulture),
            ["exclude"] = exclude.Count == 0 ? null : string.Join(',', exclude),
            // The scoring service writes an export to the audit log instead of a view.
            ["purpose"] = forExport ? "export" : null,
        };
        var url = QueryHelpers.AddQueryString("scoring/api/detection-list", query.Where(q => !string.IsNullOrEmpty(q.Value)));
        return GetAsync<DetectionList>(url, ct);
    }

    /// <summary>Companies of the officer's zone by SIREN, SIRET or part of a name or commune (the scoring service audits the search).</summary>
    public Task<ApiResult<CompanySearchResults>> SearchAsync(string query, CancellationToken ct) =>
        GetAsync<CompanySearchResults>(QueryHelpers.AddQueryString("scoring/api/companies/search", "q", query), ct);

    public Task<ApiResult<CompanyIndicators>> IndicatorsAsync(string siren, CancellationToken ct) =>
        GetAsync<CompanyIndicators>($"features/api/companies/{siren}/indicators", ct);

    public Task<ApiResult<CompanyScores>> ScoresAsync(string siren, CancellationToken ct) =>
        GetAsync<CompanyScores>($"scoring/api/companies/{siren}/scores", ct);

    public async Task<IReadOnlyList<FollowedCompany>> FollowedAsync(CancellationToken ct, bool forExport = false) =>
        (await GetAsync<List<FollowedCompany>>(forExport ? "features/api/follows?purpose=export" : "features/api/follows", ct)).Value ?? [];

    public Task<ApiResult<FollowedCompany>> FollowAsync(string siren, string reason, string? comment, CancellationToken ct) =>
        SendJsonAsync<FollowedCompany>(HttpMethod.Put, $"features/api/companies/{siren}/follow", new { reason, comment }, ct);

    public async Task<bool> UnfollowAsync(string siren, CancellationToken ct)
    {
        using var request = await RequestAsync(HttpMethod.Delete, $"features/api/companies/{siren}/follow");
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.Unauthorized) throw new SessionExpiredException();
        return response.IsSuccessStatusCode;
    }

    private async Task<ApiResult<T>> GetAsync<T>(string url, CancellationToken ct) where T : class
    {
        using var request = await RequestAsync(HttpMethod.Get, url);
        return await SendAsync<T>(request, ct);
    }

    private async Task<HttpRequestMessage> RequestAsync(HttpMethod method, string url)
    {
        var http = context.HttpContext ?? throw new InvalidOperationException("No request in progress.");
        var token = await Login.PortalAuthentication.AccessTokenAsync(http) ?? throw new SessionExpiredException();
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        // One correlation id from the officer's click to every service's audit entry.
        if (http.Request.Headers.TryGetValue("X-Correlation-Id", out var correlation)) request.Headers.TryAddWithoutValidation("X-Correlation-Id", (string?)correlation);
        return request;
    }

    private async Task<ApiResult<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken ct) where T : class
    {
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.Unauthorized) throw new SessionExpiredException();
        if (response.IsSuccessStatusCode) return new(await response.Content.ReadFromJsonAsync<T>(JsonSerializerOptions.Web, ct), (int)response.StatusCode, null);
        return new(null, (int)response.StatusCode, await ErrorAsync(response, ct));
    }

    /// <summary>The services answer refusals as {"error": …} or problem details {"detail": …}.</summary>
    private static async Task<string> ErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        try
        {
            using var json = JsonDocument.Parse(body);
            foreach (var name in new[] { "error", "detail", "title" })
            {
                if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                    return value.GetString()!;
            }
        }
        catch (JsonException)
        {
            // Not JSON: the status says enough.
        }
        return $"HTTP {(int)response.StatusCode}";
    }
}
