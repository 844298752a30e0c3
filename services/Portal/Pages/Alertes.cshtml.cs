using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SignauxFaibles.Portal.Api;
using SignauxFaibles.Portal.Inbox;

namespace SignauxFaibles.Portal.Pages;

/// <summary>The officer's alerts from the notification service; an alert is acknowledged with a comment.</summary>
public sealed class AlertesModel(GatewayClient services, InboxSummary inbox) : PageModel
{
    public bool InDirectory { get; private set; }
    public IReadOnlyList<InboxAlert> Alerts { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid alert, string? comment, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(comment)) Error = "Indiquez ce qui a été fait ou décidé.";
        else if (await inbox.OfficerIdAsync(ct) is { } officer)
        {
            var done = await services.AcknowledgeAlertAsync(officer, alert, comment.Trim(), ct);
            if (done.Ok) Message = "Alerte traitée.";
            else Error = $"Traitement impossible ({done.Error}).";
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var officer = await inbox.OfficerIdAsync(ct);
        InDirectory = officer is not null;
        if (officer is { } id) Alerts = (await services.InboxAsync(id, ct)).Value ?? [];
    }
}
