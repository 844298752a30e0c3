using System.Net.Http.Json;

namespace SignauxFaibles.Portal.Api;

// Follow-up, confidentiality terms (feature service) and the alerts inbox (notification service).
public sealed partial class GatewayClient
{
    public Task<ApiResult<FollowUp>> FollowUpAsync(string siren, CancellationToken ct) => GetAsync<FollowUp>($"features/api/companies/{siren}/follow", ct);

    public Task<ApiResult<FollowUp>> SetStatusAsync(string siren, string status, CancellationToken ct) =>
        SendJsonAsync<FollowUp>(HttpMethod.Patch, $"features/api/companies/{siren}/follow", new { status }, ct);

    public Task<ApiResult<FollowNote>> AddNoteAsync(string siren, string kind, string text, CancellationToken ct) =>
        SendJsonAsync<FollowNote>(HttpMethod.Post, $"features/api/companies/{siren}/follow/notes", new { kind, text }, ct);

    public Task<ApiResult<FollowUp>> VerdictAsync(string siren, bool useful, string reason, CancellationToken ct) =>
        SendJsonAsync<FollowUp>(HttpMethod.Put, $"features/api/companies/{siren}/verdict", new { useful, reason }, ct);

    /// <summary>The officer's directory entry (404 for an officer known to the issuer only, e.g. a development officer).</summary>
    public Task<ApiResult<OfficerEntry>> MeAsync(CancellationToken ct) => GetAsync<OfficerEntry>("notifications/api/officers/me", ct);

    public Task<ApiResult<List<InboxAlert>>> InboxAsync(Guid officer, CancellationToken ct) =>
        GetAsync<List<InboxAlert>>($"notifications/api/officers/{officer}/inbox?limit=200", ct);

    public Task<ApiResult<UnreadCount>> UnreadCountAsync(Guid officer, CancellationToken ct) =>
        GetAsync<UnreadCount>($"notifications/api/officers/{officer}/inbox/unread-count", ct);

    public Task<ApiResult<InboxAlert>> AcknowledgeAlertAsync(Guid officer, Guid alert, string comment, CancellationToken ct) =>
        SendJsonAsync<InboxAlert>(HttpMethod.Post, $"notifications/api/officers/{officer}/inbox/{alert}/acknowledge", new { comment }, ct);

    private async Task<ApiResult<T>> SendJsonAsync<T>(HttpMethod method, string url, object body, CancellationToken ct) where T : class
    {
        using var request = await RequestAsync(method, url);
        request.Content = JsonContent.Create(body);
        return await SendAsync<T>(request, ct);
    }
}
