using Microsoft.AspNetCore.Mvc.RazorPages;
using SignauxFaibles.Portal.Api;

namespace SignauxFaibles.Portal.Pages;

/// <summary>The companies the officer follows (kept by the feature service, which opens their confidential data).</summary>
public sealed class SuiviesModel(GatewayClient services) : PageModel
{
    public IReadOnlyList<FollowedCompany> Followed { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Followed = await services.FollowedAsync(ct);
}
