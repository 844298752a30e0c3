using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Notifications.Data;
using SignauxFaibles.Notifications.Webhooks;

namespace SignauxFaibles.Notifications.Deliveries;

/// <summary>A delivery as ops see it: no body (it names companies), only its state.</summary>
public sealed record DeliveryView(long Id, string Key, string Channel, string Recipient, string Status, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError)
{
    public static DeliveryView Of(Delivery d) => new(d.Id, d.Key, d.Channel.ToString(), d.Recipient, d.Status.ToString(), d.Attempts,
        d.CreatedAt, d.NextAttemptAt, d.SentAt, d.LastError);
}

public sealed record WebhookSetting(string Url);

public static class DeliveryEndpoints
{
    public static IEndpointRouteBuilder MapDeliveryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/deliveries", async (DeliveryStatus? status, int? limit, NotificationsDbContext db, CancellationToken ct) =>
            {
                var query = db.Deliveries.AsNoTracking();
                if (status is not null) query = query.Where(d => d.Status == status);
                var list = await query.OrderByDescending(d => d.Id).Take(Math.Clamp(limit ?? 100, 1, 1000)).ToListAsync(ct);
                return list.Select(DeliveryView.Of);
            })
            .WithTags("Deliveries")
            .WithSummary("Mails and webhook calls with their state (Pending, Sent, Failed, Bounced).");

        app.MapPost("/api/deliveries/{id:long}/retry", async (long id, NotificationsDbContext db, TimeProvider clock, DeliverySignal signal, CancellationToken ct) =>
            {
                var delivery = await db.Deliveries.FirstOrDefaultAsync(d => d.Id == id, ct);
                if (delivery is null) return Results.NotFound();
                if (delivery.Status == DeliveryStatus.Sent) return Results.Conflict("already sent");
                delivery.Status = DeliveryStatus.Pending;
                delivery.NextAttemptAt = clock.GetUtcNow();
                await db.SaveChangesAsync(ct);
                signal.Notify();
                return Results.Ok(DeliveryView.Of(delivery));
            })
            .WithTags("Deliveries")
            .WithSummary("Puts a failed or bounced delivery back in the queue (after the address or the server was fixed).");

        app.MapPut("/api/institutions/{institution}/webhook", async (string institution, WebhookSetting setting, NotificationsDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                var name = Officers.Institutions.Canonical(institution);
                if (name is null) return Results.NotFound();
                if (!Uri.TryCreate(setting.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["url"] = ["an absolute http(s) URL"] });
                var hook = await db.Webhooks.FirstOrDefaultAsync(w => w.Institution == name, ct);
                if (hook is null) db.Webhooks.Add(hook = new InstitutionWebhook { Institution = name, Url = url.ToString() });
                hook.Url = url.ToString();
                hook.UpdatedAt = clock.GetUtcNow();
                await db.SaveChangesAsync(ct);
                return Results.Ok(new { hook.Institution, hook.Url });
            })
            .WithTags("Deliveries")
            .WithSummary("Sets the institution's webhook, called once per change that alerted one of its officers.");

        app.MapDelete("/api/institutions/{institution}/webhook", async (string institution, NotificationsDbContext db, CancellationToken ct) =>
                await db.Webhooks.Where(w => w.Institution == Officers.Institutions.Canonical(institution)).ExecuteDeleteAsync(ct) > 0
                    ? Results.NoContent() : Results.NotFound())
            .WithTags("Deliveries")
            .WithSummary("Removes the institution's webhook.");
        return app;
    }
}
