using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SignauxFaibles.Portal.Api;
using SignauxFaibles.Portal.French;

namespace SignauxFaibles.Portal.Pages.Entreprises;

/// <summary>
/// A company's file. Every figure comes from the services with the officer's token: what they
/// withhold is shown as locked with their reason, never silently left out.
/// </summary>
public sealed class FicheModel(GatewayClient services) : PageModel
{
    public static readonly IReadOnlyList<(string Value, string Label)> Reasons =
    [
        ("Contacted", "Contacté par l'entreprise ou un partenaire"),
        ("LocalNetwork", "Connue par le réseau local ou la presse"),
        ("Other", "Autre (commentaire obligatoire)"),
    ];

    public string Siren { get; private set; } = "";
    public ApiResult<CompanyIndicators>? Indicators { get; private set; }
    public ApiResult<CompanyScores>? Scores { get; private set; }
    public FollowedCompany? Follow { get; private set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string siren, CancellationToken ct)
    {
        await LoadAsync(siren, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostFollowAsync(string siren, string? reason, string? comment, CancellationToken ct)
    {
        if (reason is null || Reasons.All(r => r.Value != reason)) Error = "Choisissez le motif du suivi.";
        else if (reason == "Other" && string.IsNullOrWhiteSpace(comment)) Error = "Le motif « Autre » demande un commentaire.";
        else
        {
            var followed = await services.FollowAsync(siren, reason, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), ct);
            if (followed.Ok) Message = "Entreprise suivie : ses données confidentielles vous sont ouvertes selon vos droits.";
            else Error = followed.Forbidden ? "Suivi refusé : cette entreprise est hors de votre zone." : $"Suivi impossible ({followed.Error}).";
        }
        await LoadAsync(siren, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostStatusAsync(string siren, string? status, CancellationToken ct)
    {
        if (Statuses.All(s => s.Value != status)) Error = "Choisissez un statut.";
        else Report(await services.SetStatusAsync(siren, status!, ct), "Statut du suivi enregistré.");
        await LoadAsync(siren, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostNoteAsync(string siren, string? kind, string? text, CancellationToken ct)
    {
        if (kind is not ("Comment" or "Action") || string.IsNullOrWhiteSpace(text)) Error = "Écrivez le commentaire ou l'action menée.";
        else Report(await services.AddNoteAsync(siren, kind, text.Trim(), ct), kind == "Action" ? "Action enregistrée." : "Commentaire enregistré.");
        await LoadAsync(siren, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostVerdictAsync(string siren, string? useful, string? reason, CancellationToken ct)
    {
        if (useful is not ("true" or "false") || string.IsNullOrWhiteSpace(reason)) Error = "Indiquez si l'alerte a été utile, et pourquoi.";
        else Report(await services.VerdictAsync(siren, useful == "true", reason.Trim(), ct), "Avis sur l'alerte enregistré : il servira à améliorer le modèle.");
        await LoadAsync(siren, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUnfollowAsync(string siren, CancellationToken ct)
    {
        Message = await services.UnfollowAsync(siren, ct) ? "Vous ne suivez plus cette entreprise." : null;
        await LoadAsync(siren, ct);
        return Page();
    }

    public static readonly IReadOnlyList<(string Value, string Label)> Statuses =
        [("InProgress", "En cours"), ("UnderWatch", "Sous surveillance"), ("Closed", "Clos")];

    public FollowUp? FollowUp { get; private set; }

    private void Report<T>(ApiResult<T> result, string done) where T : class
    {
        if (result.Ok) Message = done;
        else Error = $"Enregistrement impossible ({result.Error}).";
    }

    private async Task LoadAsync(string siren, CancellationToken ct)
    {
        Siren = siren;
        var indicators = services.IndicatorsAsync(siren, ct);
        var scores = services.ScoresAsync(siren, ct);
        var followed = services.FollowedAsync(ct);
        Indicators = await indicators;
        Scores = await scores;
        Follow = (await followed).FirstOrDefault(f => f.Siren == siren);
        FollowUp = Follow is null ? null : (await services.FollowUpAsync(siren, ct)).Value;
    }

    // ---- what the view draws ----

    public IReadOnlyList<IndicatorMonth> Months => Indicators?.Value?.Months ?? [];

    public IReadOnlyList<string> MonthNames => [.. Months.Select(m => m.Month)];

    public IReadOnlyList<double?> Column(string name) => [.. Months.Select(m => m.Values.TryGetValue(name, out var v) ? v : (double?)null)];

    public bool HasAny(string name) => Months.Any(m => m.Values.ContainsKey(name));

    public string? Label(string name) => Months.LastOrDefault(m => m.Labels.TryGetValue(name, out var v) && v is not null)?.Labels[name];

    public double? Latest(string name) => Months.LastOrDefault(m => m.Values.ContainsKey(name))?.Values[name];

    /// <summary>One row per year (its last month known), for the yearly financial ratios.</summary>
    public IReadOnlyList<IndicatorMonth> Years => [.. Months.GroupBy(m => m.Month[..4]).Select(g => g.Last())];

    /// <summary>The withheld reason for a right in French, or null when the section is open.</summary>
    public string? Locked(string right)
    {
        if (Indicators?.Value?.Withheld is not { } withheld || !withheld.TryGetValue(right, out var reason)) return null;
        return reason.Contains("does not hold", StringComparison.Ordinal)
            ? $"vous ne détenez pas le droit « {right} »"
            : "l'entreprise n'est ni sur la liste de détection de votre zone (risque fort ou modéré) ni suivie par vous (suivez-la, avec un motif, pour ouvrir ces données)";
    }

    /// <summary>Why the scores are not shown, in French.</summary>
    public string ScoresLockedReason => Scores?.Error switch
    {
        { } e when e.Contains("'score' right", StringComparison.Ordinal) => "vous ne détenez pas le droit « score »",
        { } e when e.Contains("out of zone", StringComparison.Ordinal) => "l'entreprise est hors de votre zone",
        { } e when e.Contains("red or orange list", StringComparison.Ordinal) => "l'entreprise n'est ni sur la liste de détection (risque fort ou modéré) ni suivie par vous",
        { } e => e,
        null => "",
    };

    public ScoreEntry? LatestScore => Scores?.Value?.History.FirstOrDefault();

    public static string Money(double v) => Fr.Euros(v);

    public static string Count(double v) => Fr.Number(v);
}
