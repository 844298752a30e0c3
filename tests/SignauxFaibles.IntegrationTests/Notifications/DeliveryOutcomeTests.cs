using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Notifications.Deliveries;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Notifications;

/// <summary>What deliveries record: a refused address is bounced (not retried), a webhook hiccup is retried, once sent.</summary>
public sealed class DeliveryOutcomeTests(NotificationsFixture fixture) : IClassFixture<NotificationsFixture>
{
    private const string Company = "732829320";

    [Fact]
    public async Task A_refused_address_is_recorded_bounced_and_the_institution_webhook_is_called_once_after_a_retry()
    {
        await using var webhook = new WebhookReceiver();
        var report = await fixture.ImportRosterAsync("""
            Niveau;Institution;Accès géographique;Prénom;Nom;E-mail;Droits
            A;DREETS;13;Marie;Blanc;marie.blanc@dreets.example.fr;score
            A;DREETS;13;Ancien;Agent;bounce.ancien.agent@dreets.example.fr;score
            """);
        Assert.Empty(report.Rejects);
        (await fixture.Http.PutAsJsonAsync("/api/institutions/CRP/webhook", new { url = webhook.Url })).EnsureSuccessStatusCode();
        await fixture.RegisterEstablishmentsAsync((Company + "00074", "13", "93"));

        var change = new RiskLevelChanged(Siren.Parse(Company), new YearMonth(2026, 10), RiskLevel.Moderate, RiskLevel.High, 0.77, "m1",
            [new ThemeContribution("Délais de paiement", 0.5)], [], DateTimeOffset.UtcNow);
        await fixture.Bus.Publish(change);

        var deliveries = await Eventually.UntilAsync(async () =>
        {
            await using var db = fixture.Db();
            return await db.Deliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
        }, ds => ds.Count == 3 && ds.All(d => d.Status != DeliveryStatus.Pending), TimeSpan.FromSeconds(30), "every delivery to be settled");

        var bounced = Assert.Single(deliveries, d => d.Recipient == "bounce.ancien.agent@dreets.example.fr");
        Assert.Equal((DeliveryStatus.Bounced, 1), (bounced.Status, bounced.Attempts));
        Assert.StartsWith("550", bounced.LastError, StringComparison.Ordinal);
        var mailed = Assert.Single(deliveries, d => d.Recipient == "marie.blanc@dreets.example.fr");
        Assert.Equal(DeliveryStatus.Sent, mailed.Status);
        Assert.Single(fixture.Smtp.Received, m => m.To == "marie.blanc@dreets.example.fr");

        var hook = Assert.Single(deliveries, d => d.Channel == DeliveryChannel.Webhook);
        Assert.Equal((DeliveryStatus.Sent, 2), (hook.Status, hook.Attempts));
        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], webhook.Calls.Select(c => c.Answer));
        var body = JsonDocument.Parse(webhook.Calls.Last().Body).RootElement;
        Assert.Equal(("732829320", "Moderate", "High"), (body.GetProperty("siren").GetString(), body.GetProperty("previousLevel").GetString(), body.GetProperty("level").GetString()));
        Assert.DoesNotContain("0.77", webhook.Calls.Last().Body, StringComparison.Ordinal);
        Assert.All(webhook.Calls, c => Assert.Equal($"webhook:DREETS:{SignauxFaibles.Notifications.Routing.ChangeKeys.Of(change)}", c.IdempotencyKey));

        var failed = await fixture.Http.GetFromJsonAsync<JsonElement[]>("/api/deliveries?status=Bounced");
        Assert.Equal("bounce.ancien.agent@dreets.example.fr", Assert.Single(failed!).GetProperty("recipient").GetString());
    }
}
