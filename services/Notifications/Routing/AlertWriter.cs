using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Notifications;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Messaging.Outbox;
using SignauxFaibles.Notifications.Data;
using SignauxFaibles.Notifications.Deliveries;
using SignauxFaibles.Notifications.Inbox;
using SignauxFaibles.Notifications.Mail;
using SignauxFaibles.Notifications.Officers;
using SignauxFaibles.Notifications.Territories;
using SignauxFaibles.Notifications.Webhooks;

namespace SignauxFaibles.Notifications.Routing;

/// <summary>
/// Turns level changes into one inbox entry per officer concerned, the mails and webhook calls to
/// send (deliveries, sent later) and an <see cref="OfficerAlerted"/> per entry, in the caller's
/// transaction (which must be open). A set of changes is looked up with one query per table, not
/// one per change, and the entries and events are stored by COPY: a scoring run publishes thousands
/// of changes at once. Officers who already have an entry for a change are skipped, so a
/// republished change alerts no one twice; so are those whose latest entry for the company is the
/// same move (two scorings racing), while a company back on a list after leaving it is news again.
/// </summary>
public sealed partial class AlertWriter(
    NotificationsDbContext db,
    IOutbox outbox,
    IOptions<DeliveryOptions> options,
    TimeProvider clock,
    ILogger<AlertWriter> logger)
{
    private const int ThemesInMail = 3;

    public async Task WriteAsync(IReadOnlyList<RiskLevelChanged> changes, CancellationToken ct)
    {
        if (changes.Count == 0) return;
        var sirens = changes.Select(c => c.Siren).Distinct().ToList();
        var establishments = (await db.Establishments.AsNoTracking().Where(e => sirens.Contains(e.Siren)).ToListAsync(ct)).ToLookup(e => e.Siren);
        var companies = await db.Companies.AsNoTracking().Where(c => sirens.Contains(c.Siren)).ToDictionaryAsync(c => c.Siren, ct);
        var candidates = await CandidatesAsync(sirens.SelectMany(s => AlertRouting.Placing(establishments[s].ToList())).ToList(), ct);
        var keys = changes.Select(ChangeKeys.Of).Distinct().ToList();
        var alerted = (await db.Alerts.Where(a => keys.Contains(a.ChangeKey)).Select(a => new { a.OfficerId, a.ChangeKey }).ToListAsync(ct))
            .Select(a => (a.OfficerId, a.ChangeKey)).ToHashSet();
        var latest = await LatestEntriesAsync(sirens, ct);
        var webhooks = new List<(RiskLevelChanged Change, string Key, List<string> Themes, IReadOnlyList<Officer> Recipients)>();
        var alerts = new List<Alert>();
        var now = clock.GetUtcNow();

        foreach (var change in changes.OrderBy(c => c.ChangedAt))
        {
            var placed = establishments[change.Siren].ToList();
            if (placed.Count == 0)
            {
                // Nobody can be chosen safely; the change stays visible in the application's lists.
                NotificationsMetrics.UnplacedChanges.Add(1);
                LogUnplaced(change.Siren.Value);
                continue;
            }
            var company = companies.GetValueOrDefault(change.Siren);
            var recipients = AlertRouting.Recipients(change, candidates, placed, company);
            var key = ChangeKeys.Of(change);
            var themes = change.Themes.Where(t => t.Contribution > 0).OrderByDescending(t => t.Contribution)
                .Take(ThemesInMail).Select(t => t.Theme).ToList();
            var told = new List<Officer>();
            foreach (var officer in recipients)
            {
                // The same change twice (a redelivery next to a republication) is told once; so is a
                // move repeating the officer's latest entry (two scorings of the company racing).
                if (alerted.Contains((officer.Id, key)) || Repeats(latest, officer.Id, change)) continue;
                alerted.Add((officer.Id, key));
                alerts.Add(NewAlert(change, key, themes, company, officer, now));
                told.Add(officer);
            }
            if (told.Count > 0) webhooks.Add((change, key, themes, told));
        }
        await AlertCopy.WriteAsync((Npgsql.NpgsqlConnection)db.Database.GetDbConnection(), alerts, ct);
        await outbox.PublishManyAsync(alerts.Select(a => (new OfficerAlerted(a.Id, a.OfficerId.ToString(), a.Siren, a.Level, ChannelOf(a.MailPlan), now),
            (string?)a.Siren.Value)).ToList(), ct);
        NotificationsMetrics.AlertsCreated.Add(alerts.Count);
        await AddWebhookCallsAsync(webhooks, now, ct);
    }

    /// <summary>Each officer's latest entry per company (by the moment the change was scored).</summary>
    private async Task<Dictionary<(Guid Officer, Siren Siren), LatestEntry>> LatestEntriesAsync(List<Siren> sirens, CancellationToken ct) =>
        (await db.Alerts.AsNoTracking().Where(a => sirens.Contains(a.Siren))
            .Select(a => new { a.OfficerId, a.Siren, a.Month, a.PreviousLevel, a.Level, a.ChangedAt }).ToListAsync(ct))
        .GroupBy(a => (a.OfficerId, a.Siren))
        .ToDictionary(g => g.Key, g => g.MaxBy(a => a.ChangedAt) is var a ? new LatestEntry(a!.Month, a.PreviousLevel, a.Level, a.ChangedAt) : default);

    private readonly record struct LatestEntry(YearMonth Month, RiskLevel PreviousLevel, RiskLevel Level, DateTimeOffset ChangedAt);

    /// <summary>True when the change repeats the officer's latest entry; otherwise it becomes the latest (when it is later).</summary>
    private static bool Repeats(Dictionary<(Guid, Siren), LatestEntry> latest, Guid officer, RiskLevelChanged change)
    {
        if (latest.TryGetValue((officer, change.Siren), out var last))
        {
            if (last.Month == change.Month && last.PreviousLevel == change.PreviousLevel && last.Level == change.Level) return true;
            if (last.ChangedAt > change.ChangedAt) return false;
        }
        latest[(officer, change.Siren)] = new LatestEntry(change.Month, change.PreviousLevel, change.Level, change.ChangedAt);
        return false;
    }

    // The database narrows to active officers with the right and an overlapping zone; AlertRouting decides.
    private Task<List<Officer>> CandidatesAsync(List<CompanyEstablishment> placing, CancellationToken ct)
    {
        var departements = placing.Select(e => e.Departement).OfType<string>().Distinct().ToList();
        var regions = placing.Select(e => e.Region).OfType<string>().Distinct().ToList();
        return db.Officers.AsNoTracking()
            .Where(o => o.Active && (o.Rights & OfficerRights.Score) == OfficerRights.Score)
            .Where(o => o.National || o.Departements.Any(d => departements.Contains(d)) || o.Regions.Any(r => regions.Contains(r)))
            .ToListAsync(ct);
    }

    /// <summary>The entry (stored by the caller) and, for a mail at once, its delivery.</summary>
    private Alert NewAlert(RiskLevelChanged change, string key, List<string> themes, CompanyProfile? company, Officer officer, DateTimeOffset now)
    {
        var alert = new Alert
        {
            Id = MassTransit.NewId.NextGuid(),
            OfficerId = officer.Id,
            ChangeKey = key,
            Siren = change.Siren,
            CompanyName = company?.Name,
            Month = change.Month,
            PreviousLevel = change.PreviousLevel,
            Level = change.Level,
            MainThemes = themes,
            MailPlan = MailPlans.For(officer.MailPreference, change.Level),
            ChangedAt = change.ChangedAt,
            CreatedAt = now,
        };
        if (alert.MailPlan == MailPlan.AtOnce)
        {
            var (subject, body) = AlertMail.Immediate(alert, options.Value.CompanyFileUrl);
            db.Deliveries.Add(new Delivery
            {
                Key = $"mail:{alert.Id}", Channel = DeliveryChannel.Email, OfficerId = officer.Id, Recipient = officer.Email,
                Subject = subject, Body = body, NextAttemptAt = now, CreatedAt = now,
            });
        }
        return alert;
    }

    /// <summary>One call per institution with a webhook and per change that alerted one of its officers.</summary>
    private async Task AddWebhookCallsAsync(List<(RiskLevelChanged Change, string Key, List<string> Themes, IReadOnlyList<Officer> Recipients)> routed,
        DateTimeOffset now, CancellationToken ct)
    {
        if (routed.Count == 0) return;
        var hooks = await db.Webhooks.AsNoTracking().ToDictionaryAsync(w => w.Institution, ct);
        if (hooks.Count == 0) return;
        var calls = routed.SelectMany(r => r.Recipients.Select(o => o.Institution).Distinct()
                .Where(hooks.ContainsKey).Select(i => (Hook: hooks[i], Key: $"webhook:{i}:{r.Key}", r.Change, r.Themes)))
            .DistinctBy(c => c.Key).ToList();
        var callKeys = calls.Select(c => c.Key).ToList();
        var made = (await db.Deliveries.Where(d => callKeys.Contains(d.Key)).Select(d => d.Key).ToListAsync(ct)).ToHashSet();
        foreach (var call in calls.Where(c => !made.Contains(c.Key)))
        {
            db.Deliveries.Add(new Delivery
            {
                Key = call.Key, Channel = DeliveryChannel.Webhook, Recipient = call.Hook.Url, Subject = call.Key,
                Body = WebhookBody(call.Change, call.Themes), NextAttemptAt = now, CreatedAt = now,
            });
        }
    }

    private string WebhookBody(RiskLevelChanged change, List<string> themes) => JsonSerializer.Serialize(new
    {
        siren = change.Siren.Value,
        month = change.Month.ToString(),
        previousLevel = change.PreviousLevel.ToString(),
        level = change.Level.ToString(),
        mainThemes = themes,
        companyFile = options.Value.CompanyFileUrl.Replace("{siren}", change.Siren.Value, StringComparison.Ordinal),
        changedAt = change.ChangedAt,
    });

    private static string ChannelOf(MailPlan plan) => plan switch
    {
        MailPlan.AtOnce => "inbox+email",
        MailPlan.Digest => "inbox+digest",
        _ => "inbox",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Level change of {Siren} not routed: no establishment of it is known (Sirene events missing)")]
    private partial void LogUnplaced(string siren);
}
