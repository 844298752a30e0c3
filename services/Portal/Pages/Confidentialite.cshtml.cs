using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SignauxFaibles.Portal.Api;
using SignauxFaibles.Portal.Confidentiality;

namespace SignauxFaibles.Portal.Pages;

/// <summary>The confidentiality terms, acknowledged before the first access and then every year.</summary>
public sealed class ConfidentialiteModel(GatewayClient services, ConfidentialityGate gate) : PageModel
{
    public ConfidentialityStatus? Current { get; private set; }
    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Current = (await services.ConfidentialityAsync(ct)).Value;

    public async Task<IActionResult> OnPostAsync(bool accept, CancellationToken ct)
    {
        if (!accept)
        {
            Error = "Cochez la case pour confirmer votre engagement.";
            Current = (await services.ConfidentialityAsync(ct)).Value;
            return Page();
        }
        var result = await services.AcknowledgeConfidentialityAsync(ct);
        if (!result.Ok)
        {
            Error = $"L'engagement n'a pas pu être enregistré ({result.Error}).";
            return Page();
        }
        gate.Forget(HttpContext);
        // Only a page of the portal: never an address given by someone else.
        return LocalRedirect(ReturnUrl is { Length: > 1 } url && url.StartsWith(Request.PathBase + "/", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal)
            ? url : Request.PathBase + "/");
    }
}
