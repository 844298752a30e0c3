using Microsoft.AspNetCore.WebUtilities;

namespace SignauxFaibles.Portal.Api;

/// <summary>The dated monthly lists of the scoring service (published, frozen), for the officer's zone.</summary>
public sealed partial class GatewayClient
{
    public Task<ApiResult<List<PublishedListSummary>>> PublishedListsAsync(CancellationToken ct) =>
        GetAsync<List<PublishedListSummary>>("scoring/api/lists", ct);

    /// <param name="forExport">The scoring service then audits the read as an export.</param>
    public Task<ApiResult<PublishedMonthList>> PublishedListAsync(string month, bool forExport, CancellationToken ct) =>
        GetAsync<PublishedMonthList>(forExport ? $"scoring/api/lists/{Uri.EscapeDataString(month)}?purpose=export" : $"scoring/api/lists/{Uri.EscapeDataString(month)}", ct);

    public Task<ApiResult<ListChanges>> ListChangesAsync(string month, string since, CancellationToken ct) =>
        GetAsync<ListChanges>(QueryHelpers.AddQueryString($"scoring/api/lists/{Uri.EscapeDataString(month)}/changes", "since", since), ct);
}
