using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Notifications;

/// <summary>The service with a poll interval of ten minutes: only the commit signal can send a mail quickly.</summary>
public sealed class SlowPollingFixture : NotificationsFixture
{
    protected override void Adjust(Dictionary<string, string?> settings) => settings["Notifications:Delivery:PollInterval"] = "00:10:00";
}

public sealed class SenderWakeUpTests(SlowPollingFixture fixture) : IClassFixture<SlowPollingFixture>
{
    [Fact]
    public async Task A_red_alert_is_mailed_as_soon_as_its_transaction_commits_not_at_the_next_poll()
    {
        await fixture.ImportRosterAsync("""
            Niveau;Institution;Accès géographique;Prénom;Nom;E-mail;Droits
            A;URSSAF;33;Hugo;Lefèvre;hugo.lefevre@urssaf.example.fr;score
            """);
        await fixture.RegisterEstablishmentsAsync(("55210055400013", "33", "75"));
        // Past the sender's first round at start-up, so the next round can only come from a signal.
        await Task.Delay(TimeSpan.FromSeconds(1));

        await fixture.Bus.Publish(new RiskLevelChanged(Siren.Parse("552100554"), new YearMonth(2026, 10), RiskLevel.Moderate, RiskLevel.High, 0.6, "m1",
            [new ThemeContribution("Dette sociale", 0.3)], [], DateTimeOffset.UtcNow));

        var mail = await Eventually.UntilAsync(() => Task.FromResult(fixture.Smtp.Received.ToList()), ms => ms.Count > 0, TimeSpan.FromSeconds(20), "the mail");
        Assert.Equal("hugo.lefevre@urssaf.example.fr", Assert.Single(mail).To);
    }
}
