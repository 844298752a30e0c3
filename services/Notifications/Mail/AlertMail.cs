using System.Text;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Notifications.Inbox;

namespace SignauxFaibles.Notifications.Mail;

/// <summary>
/// The words of the mails, in French for the officers. A mail names the company, the move and the
/// themes that explain it, and links to the company's file; it never carries the probability or
/// any figure from the sources: mailboxes are not covered by the platform's access control.
/// </summary>
public static class AlertMail
{
    public static (string Subject, string Body) Immediate(Alert alert, string companyFileUrl)
    {
        var subject = $"[Signaux Faibles] {CompanyOf(alert)} : {Move(alert)}";
        var body = new StringBuilder()
            .AppendLine("Bonjour,")
            .AppendLine()
            .AppendLine($"L'entreprise {Identified(alert)}, présente dans votre territoire, {Sentence(alert)} (situation de {alert.Month}).")
            .AppendLine();
        AppendThemes(body, alert);
        body.AppendLine($"Fiche de l'entreprise : {Link(companyFileUrl, alert)}")
            .AppendLine()
            .AppendLine(Footer);
        return (subject, body.ToString());
    }

    public static (string Subject, string Body) Digest(IReadOnlyList<Alert> alerts, DateOnly day, string companyFileUrl, string inboxUrl)
    {
        var subject = $"[Signaux Faibles] Synthèse du {day:dd/MM/yyyy} : {alerts.Count} changement(s) dans votre territoire";
        var body = new StringBuilder().AppendLine("Bonjour,").AppendLine()
            .AppendLine($"Depuis la dernière synthèse, {alerts.Count} entreprise(s) de votre territoire ont changé de niveau d'alerte :")
            .AppendLine();
        foreach (var alert in alerts.OrderByDescending(a => a.Level).ThenBy(a => a.CompanyName, StringComparer.Ordinal))
        {
            body.AppendLine($"- {Identified(alert)} : {Move(alert)}");
            if (alert.MainThemes.Count > 0) body.AppendLine($"  Thèmes principaux : {string.Join(", ", alert.MainThemes)}");
            body.AppendLine($"  {Link(companyFileUrl, alert)}");
        }
        body.AppendLine().AppendLine($"Votre boîte d'alertes : {inboxUrl}").AppendLine().AppendLine(Footer);
        return (subject, body.ToString());
    }

    public static string LevelLabel(RiskLevel level) => level switch
    {
        RiskLevel.High => "risque fort (liste rouge)",
        RiskLevel.Moderate => "risque modéré (liste orange)",
        _ => "hors liste",
    };

    private const string Footer =
        "Ce message ne contient aucune donnée confidentielle ; les détails sont consultables dans l'application, selon vos habilitations.";

    private static string CompanyOf(Alert alert) => alert.CompanyName ?? $"SIREN {alert.Siren.Value}";

    // The name when Sirene gave one, and always the SIREN, once.
    private static string Identified(Alert alert) =>
        alert.CompanyName is null ? $"SIREN {alert.Siren.Value}" : $"{alert.CompanyName} (SIREN {alert.Siren.Value})";

    private static string Move(Alert alert) => $"{LevelLabel(alert.PreviousLevel)} → {LevelLabel(alert.Level)}";

    private static string Sentence(Alert alert) =>
        alert.Level > alert.PreviousLevel ? $"passe en {LevelLabel(alert.Level)}"
        : alert.Level == RiskLevel.None ? $"sort des listes (auparavant {LevelLabel(alert.PreviousLevel)})"
        : $"redescend en {LevelLabel(alert.Level)}";

    private static void AppendThemes(StringBuilder body, Alert alert)
    {
        if (alert.MainThemes.Count == 0) return;
        body.AppendLine("Principaux thèmes de l'explication :");
        foreach (var theme in alert.MainThemes) body.AppendLine($"- {theme}");
        body.AppendLine();
    }

    private static string Link(string template, Alert alert) => template.Replace("{siren}", alert.Siren.Value, StringComparison.Ordinal);
}
