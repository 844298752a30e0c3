using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SignauxFaibles.Notifications.Data;
using SignauxFaibles.Notifications.Deliveries;
using SignauxFaibles.Notifications.Mail;
using SignauxFaibles.Notifications.Routing;

namespace SignauxFaibles.Notifications.Digests;

/// <summary>
/// Gathers each officer's alerts waiting for the digest into one mail. The mail (key
/// "digest:{officer}:{day}") and the alerts' digested mark commit together, so an alert is in
/// exactly one digest; a second run the same day sends nothing new and leaves later alerts for the next day.
/// </summary>
public sealed partial class DigestWriter(NotificationsDbContext db, IOptions<DeliveryOptions> options, TimeProvider clock, ILogger<DigestWriter> logger)
{
    public async Task<int> WriteAsync(DateOnly day, CancellationToken ct)
    {
        var officerIds = await db.Alerts.Where(a => a.MailPlan == MailPlan.Digest && a.DigestedAt == null)
            .Select(a => a.OfficerId).Distinct().ToListAsync(ct);
        var written = 0;
        foreach (var officerId in officerIds)
        {
            if (await WriteForAsync(officerId, day, ct)) written++;
        }
        return written;
    }

    private async Task<bool> WriteForAsync(Guid officerId, DateOnly day, CancellationToken ct)
    {
        var key = $"digest:{officerId}:{day:yyyy-MM-dd}";
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Deliveries.AnyAsync(d => d.Key == key, ct)) return false;
        var officer = await db.Officers.AsNoTracking().FirstAsync(o => o.Id == officerId, ct);
        var alerts = await db.Alerts.Where(a => a.OfficerId == officerId && a.MailPlan == MailPlan.Digest && a.DigestedAt == null)
            .OrderBy(a => a.CreatedAt).ToListAsync(ct);
        if (alerts.Count == 0) return false;
        var now = clock.GetUtcNow();
        foreach (var alert in alerts) alert.DigestedAt = now;
        if (officer.Active)
        {
            var (subject, body) = AlertMail.Digest(alerts, day, options.Value.CompanyFileUrl, options.Value.InboxUrl);
            db.Deliveries.Add(new Delivery
            {
                Key = key, Channel = DeliveryChannel.Email, OfficerId = officerId, Recipient = officer.Email,
                Subject = subject, Body = body, NextAttemptAt = now, CreatedAt = now,
            });
        }
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return officer.Active;
        }
        catch (DbUpdateException ex)
        {
            // Another instance wrote this digest meanwhile: its transaction marked the same alerts.
            LogConcurrentDigest(ex, key);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest {Key} written by another instance")]
    private partial void LogConcurrentDigest(Exception ex, string key);
}
