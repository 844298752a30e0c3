using Microsoft.AspNetCore.Mvc.RazorPages;
using SignauxFaibles.Security.Terms;

namespace SignauxFaibles.Portal.Pages;

/// <summary>The confidentiality terms the officer acknowledged at sign-in, and until when that holds.</summary>
public sealed class ConfidentialiteModel : PageModel
{
    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public DateTimeOffset? ValidUntil => AcknowledgedAt + ConfidentialityTerms.Validity;

    public void OnGet() => AcknowledgedAt = ConfidentialityTerms.AcknowledgedAt(User);
}
