using Microsoft.Extensions.Caching.Memory;
using SignauxFaibles.Portal.Api;

namespace SignauxFaibles.Portal.Inbox;

/// <summary>
/// The officer's entry in the notification service's directory (its id names the inbox), looked up
/// by the token's e-mail and remembered a while, and the unread count shown in the menu.
/// </summary>
public sealed class InboxSummary(GatewayClient services, IMemoryCache cache, IHttpContextAccessor context)
{
    public async Task<Guid?> OfficerIdAsync(CancellationToken ct)
    {
        var key = "officer-id:" + context.HttpContext?.User.FindFirst("sub")?.Value;
        if (cache.TryGetValue(key, out Guid known)) return known;
        var me = await services.MeAsync(ct);
        if (me.Value is null) return null;
        cache.Set(key, me.Value.Id, TimeSpan.FromMinutes(10));
        return me.Value.Id;
    }

    /// <summary>Null when the officer has no inbox (not in the directory) or the service does not answer.</summary>
    public async Task<int?> UnreadAsync(CancellationToken ct)
    {
        try
        {
            return await OfficerIdAsync(ct) is { } id ? (await services.UnreadCountAsync(id, ct)).Value?.Unread : null;
        }
        catch (HttpRequestException)
        {
            // The menu still renders when the notification service is down.
            return null;
        }
    }
}
