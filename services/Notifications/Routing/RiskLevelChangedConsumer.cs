using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SignauxFaibles.Contracts.Notifications;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Messaging;
using SignauxFaibles.Messaging.Inbox;
using SignauxFaibles.Messaging.Outbox;
using SignauxFaibles.Notifications.Data;
using SignauxFaibles.Notifications.Deliveries;
using SignauxFaibles.Notifications.Inbox;
using SignauxFaibles.Notifications.Mail;
using SignauxFaibles.Notifications.Officers;

namespace SignauxFaibles.Notifications.Routing;

/// <summary>
/// Turns a level change into one inbox entry per officer concerned, the mails and webhook calls to
/// send (written as deliveries, sent later) and an <see cref="OfficerAlerted"/> per entry, all in
/// one transaction. Officers who already have an entry for this change are skipped, so a
/// redelivered or republished change alerts no one twice.
/// </summary>
public sealed partial class RiskLevelChangedConsumer(
    NotificationsDbContext db,
    IOutbox outbox,
    IOptions<DeliveryOptions> options,
    TimeProvider clock,
    ILogger<RiskLevelChangedConsumer> logger)
    : IdempotentConsumer<RiskLevelChanged, NotificationsDbContext>(db)
{
    private const int ThemesInMail = 3;

    protected override async Task HandleAsync(ConsumeContext<RiskLevelChanged> context, CancellationToken ct)
    {
        var change = context.Message;
        var establishments = await Db.Establishments.AsNoTracking().Where(e => e.Siren == change.Siren).ToListAsync(ct);
        if (establishments.Count == 0)
        {
            // Nobody can be chosen safely; the change stays visible in the lists of the application.
            NotificationsMetrics.UnplacedChanges.Add(1);
            LogUnplaced(change.Siren.Value);
            return;
        }
        var placing = AlertRouting.Placing(establishments);
        var departements = placing.Select(e => e.Departement).OfType<string>().Distinct().ToList();
        var regions = placing.Select(e => e.Region).OfType<string>().Distinct().ToList();
        // The database narrows to officers with the right and an overlapping zone; AlertRouting decides.
        var candidates = await Db.Officers.AsNoTracking()
            .Where(o => o.Active && (o.Rights & OfficerRights.Score) == OfficerRights.Score)
            .Where(o => o.National || o.Departements.Any(d => departements.Contains(d)) || o.Regions.Any(r => regions.Contains(r)))
            .ToListAsync(ct);
        var company = await Db.Companies.AsNoTracking().FirstOrDefaultAsync(c => c.Siren == change.Siren, ct);
        var recipients = AlertRouting.Recipients(change, candidates, establishments, company);
        if (recipients.Count == 0) return;

        var changeKey = ChangeKeys.Of(change);
        var officerIds = recipients.Select(o => o.Id).ToList();
        var alreadyAlerted = (await Db.Alerts.Where(a => a.ChangeKey == changeKey && officerIds.Contains(a.OfficerId))
            .Select(a => a.OfficerId).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow();
        var themes = change.Themes.Where(t => t.Contribution > 0).OrderByDescending(t => t.Contribution)
            .Take(ThemesInMail).Select(t => t.Theme).ToList();

        foreach (var officer in recipients.Where(o => !alreadyAlerted.Contains(o.Id)))
        {
            var alert = new Alert
            {
                Id = NewId.NextGuid(),
                OfficerId = officer.Id,
                ChangeKey = changeKey,
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
            Db.Alerts.Add(alert);
            if (alert.MailPlan == MailPlan.AtOnce) Db.Deliveries.Add(ImmediateMail(alert, officer, now));
            outbox.Publish(new OfficerAlerted(alert.Id, officer.Id.ToString(), change.Siren, change.Level, ChannelOf(alert.MailPlan), now),
                partitionKey: change.Siren.Value);
            NotificationsMetrics.AlertsCreated.Add(1);
        }
        await AddWebhookCallsAsync(change, changeKey, themes, recipients, now, ct);
    }

    private Delivery ImmediateMail(Alert alert, Officer officer, DateTimeOffset now)
    {
        var (subject, body) = AlertMail.Immediate(alert, options.Value.CompanyFileUrl);
        return new Delivery
        {
            Key = $"mail:{alert.Id}",
            Channel = DeliveryChannel.Email,
            OfficerId = officer.Id,
            Recipient = officer.Email,
            Subject = subject,
            Body = body,
            NextAttemptAt = now,
            CreatedAt = now,
        };
    }

    private async Task AddWebhookCallsAsync(RiskLevelChanged change, string changeKey, List<string> themes, IReadOnlyList<Officer> recipients, DateTimeOffset now, CancellationToken ct)
    {
        var institutions = recipients.Select(o => o.Institution).Distinct().ToList();
        var hooks = await Db.Webhooks.AsNoTracking().Where(w => institutions.Contains(w.Institution)).ToListAsync(ct);
        foreach (var hook in hooks)
        {
            var key = $"webhook:{hook.Institution}:{changeKey}";
            if (await Db.Deliveries.AnyAsync(d => d.Key == key, ct)) continue;
            var body = JsonSerializer.Serialize(new
            {
                siren = change.Siren.Value,
                month = change.Month.ToString(),
                previousLevel = change.PreviousLevel.ToString(),
                level = change.Level.ToString(),
                mainThemes = themes,
                companyFile = options.Value.CompanyFileUrl.Replace("{siren}", change.Siren.Value, StringComparison.Ordinal),
                changedAt = change.ChangedAt,
            });
            Db.Deliveries.Add(new Delivery
            {
                Key = key, Channel = DeliveryChannel.Webhook, Recipient = hook.Url, Subject = changeKey, Body = body,
                NextAttemptAt = now, CreatedAt = now,
            });
        }
    }

    private static string ChannelOf(MailPlan plan) => plan switch
    {
        MailPlan.AtOnce => "inbox+email",
        MailPlan.Digest => "inbox+digest",
        _ => "inbox",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Level change of {Siren} not routed: no establishment of it is known (Sirene events missing)")]
    private partial void LogUnplaced(string siren);
}

public sealed class RiskLevelChangedConsumerDefinition : RetryingConsumerDefinition<RiskLevelChangedConsumer>
{
    public RiskLevelChangedConsumerDefinition()
    {
        // A change costs a few database round trips and little CPU: MassTransit's default (two per
        // core) leaves the consumer waiting on the network; a scoring run publishes thousands at once.
        Endpoint(e =>
        {
            e.PrefetchCount = 64;
            e.ConcurrentMessageLimit = 32;
        });
    }
}
