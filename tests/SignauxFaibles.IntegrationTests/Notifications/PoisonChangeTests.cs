using Microsoft.EntityFrameworkCore;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Testing;

namespace SignauxFaibles.IntegrationTests.Notifications;

/// <summary>Redeliveries a second apart, so the bad message reaches the error queue within the test.</summary>
public sealed class QuickRedeliveryFixture : NotificationsFixture
{
    protected override void Adjust(Dictionary<string, string?> settings) => settings["Messaging:Redelivery:Delays:0"] = "00:00:01";
}

/// <summary>
/// Level changes are consumed in sets; one malformed change in a set (no themes: a producer's bug)
/// fails alone: its neighbours' alerts are written at once, and only it ends in the error queue.
/// </summary>
public sealed class PoisonChangeTests(QuickRedeliveryFixture fixture) : IClassFixture<QuickRedeliveryFixture>
{
    private const int Good = 6;

    [Fact]
    public async Task A_bad_change_in_a_set_is_isolated_and_its_neighbours_are_alerted()
    {
        await fixture.ImportRosterAsync("""
            Niveau;Institution;Accès géographique;Prénom;Nom;E-mail;Droits
            A;URSSAF;33;Hugo;Lefèvre;hugo.lefevre@urssaf.example.fr;score
            """);
        var sirens = Enumerable.Range(0, Good + 1).Select(i => WithKey($"5521{i:D4}")).ToList();
        await fixture.RegisterEstablishmentsAsync([.. sirens.Select(s => (Siret(s), "33", "75"))]);

        // Published together, so they arrive within one 20 ms set; the malformed one in the middle.
        var publications = sirens.Select((siren, i) => fixture.Bus.Publish(new RiskLevelChanged(Siren.Parse(siren), new YearMonth(2026, 10),
            RiskLevel.None, RiskLevel.High, 0.7, "m1", i == Good / 2 ? null! : [new ThemeContribution("Dette sociale", 0.3)], [], DateTimeOffset.UtcNow)));
        await Task.WhenAll(publications);
        var bad = Siren.Parse(sirens[Good / 2]);

        await Eventually.UntilAsync(() => AlertedAsync(), n => n == Good, TimeSpan.FromSeconds(30), $"the {Good} good changes alerted");
        // Alone: retried after the delay, then moved to the error queue; its neighbours are not there.
        await Eventually.UntilAsync(() => fixture.Env.Management.QueueDepthAsync(fixture.Env.VirtualHost, "notifications-risk-level-changed_error"),
            n => n == 1, TimeSpan.FromSeconds(60), "the malformed change, alone, in the error queue");
        await using var db = fixture.Db();
        Assert.False(await db.Alerts.AnyAsync(a => a.Siren == bad));
        Assert.Equal(Good, await AlertedAsync());
    }

    private async Task<int> AlertedAsync()
    {
        await using var db = fixture.Db();
        return await db.Alerts.CountAsync();
    }

    /// <summary>A SIREN (8 digits + the key that makes its checksum valid).</summary>
    private static string WithKey(string eight) => Enumerable.Range(0, 10).Select(k => eight + k).First(s => Siren.Parse(s).HasValidChecksum);

    /// <summary>The head office's SIRET of a SIREN (first NIC whose checksum holds).</summary>
    private static string Siret(string siren) =>
        Enumerable.Range(10, 90).Select(n => $"{siren}000{n:D2}").First(s => SignauxFaibles.Contracts.Identifiers.Siret.Parse(s).HasValidChecksum);
}
