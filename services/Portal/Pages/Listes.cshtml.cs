using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SignauxFaibles.Portal.Api;

namespace SignauxFaibles.Portal.Pages;

/// <summary>
/// The published monthly lists (frozen by the scoring service when published): the officer picks a
/// month, sees that list for the zone as it was published, what entered, left or changed level
/// since the list before it, and exports it. Every read is audited by the scoring service.
/// </summary>
public sealed class ListesModel(GatewayClient services) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "mois")]
    public string? Month { get; set; }

    /// <summary>Published months, newest first; null with <see cref="Error"/> when they cannot be read.</summary>
    public IReadOnlyList<PublishedListSummary>? Published { get; private set; }

    public string? Error { get; private set; }

    public PublishedListSummary? Selected { get; private set; }

    /// <summary>The list published just before the selected one, if any.</summary>
    public PublishedListSummary? Previous { get; private set; }

    public ApiResult<PublishedMonthList>? List { get; private set; }

    public ApiResult<ListChanges>? Changes { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var lists = await services.PublishedListsAsync(ct);
        if (!lists.Ok)
        {
            Error = lists.Forbidden ? "Votre habilitation ne comprend pas le droit « score » : les listes ne vous sont pas ouvertes." : $"Les listes ne peuvent être lues ({lists.Error}).";
            return;
        }
        Published = lists.Value!;
        (Selected, Previous) = Pick(Published, Month);
        if (Selected is null) return;
        List = await services.PublishedListAsync(Selected.Month, forExport: false, ct);
        if (Previous is not null) Changes = await services.ListChangesAsync(Selected.Month, Previous.Month, ct);
    }

    /// <summary>The asked month (else the newest) and the list published before it.</summary>
    public static (PublishedListSummary? Selected, PublishedListSummary? Previous) Pick(IReadOnlyList<PublishedListSummary> newestFirst, string? month)
    {
        var index = newestFirst.ToList().FindIndex(l => l.Month == month);
        if (index < 0) index = 0;
        return index < newestFirst.Count ? (newestFirst[index], index + 1 < newestFirst.Count ? newestFirst[index + 1] : null) : (null, null);
    }

    /// <summary>A company of the changes by name when the selected list holds it.</summary>
    public string NameOf(string siren) =>
        List?.Value?.Companies.FirstOrDefault(c => c.Siren == siren)?.Name is { } name ? $"{name} ({siren})" : siren;
}
