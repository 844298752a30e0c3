using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Notifications.Deliveries;
using SignauxFaibles.Notifications.Digests;
using SignauxFaibles.Notifications.Inbox;
using SignauxFaibles.Notifications.Mail;
using SignauxFaibles.Notifications.Routing;
using static SignauxFaibles.UnitTests.Notifications.RoutingFixtures;

namespace SignauxFaibles.UnitTests.Notifications;

public sealed class DeliveryRulesTests
{
    [Fact]
    public void Back_off_doubles_from_the_first_delay_up_to_the_cap()
    {
        var first = TimeSpan.FromSeconds(30);
        var cap = TimeSpan.FromHours(1);

        Assert.Equal([30, 60, 120, 240, 480, 960, 1920, 3600, 3600],
            Enumerable.Range(1, 9).Select(n => Backoff.After(n, first, cap).TotalSeconds));
        Assert.Equal(cap, Backoff.After(500, first, cap));
    }

    [Fact]
    public void The_digest_runs_at_the_next_local_seven_oclock_across_daylight_saving_changes()
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var seven = new TimeOnly(7, 0);

        // 26 Nov 2026, 15:00 UTC: next run 27 Nov 07:00 CET = 06:00 UTC.
        Assert.Equal((new DateTimeOffset(2026, 11, 27, 6, 0, 0, TimeSpan.Zero), new DateOnly(2026, 11, 27)),
            DigestScheduler.NextRun(new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero), seven, paris));
        // 1 Jul 2026, 04:00 UTC is 06:00 CEST: the run is the same day, 07:00 CEST = 05:00 UTC.
        Assert.Equal((new DateTimeOffset(2026, 7, 1, 5, 0, 0, TimeSpan.Zero), new DateOnly(2026, 7, 1)),
            DigestScheduler.NextRun(new DateTimeOffset(2026, 7, 1, 4, 0, 0, TimeSpan.Zero), seven, paris));
    }

    [Fact]
    public void A_mail_names_the_company_the_move_and_the_themes_links_to_its_file_and_carries_no_figure()
    {
        var change = Change(RiskLevel.Moderate, RiskLevel.High);
        var alert = new Alert
        {
            ChangeKey = ChangeKeys.Of(change), Siren = change.Siren, CompanyName = "Fonderie Exemple", Month = change.Month,
            PreviousLevel = change.PreviousLevel, Level = change.Level, MainThemes = ["Dette sociale", "Santé financière"],
        };

        var (subject, body) = AlertMail.Immediate(alert, "https://sf.example.fr/companies/{siren}");

        Assert.Contains("Fonderie Exemple", subject, StringComparison.Ordinal);
        Assert.Contains("risque fort", subject, StringComparison.Ordinal);
        Assert.Contains("passe en risque fort (liste rouge)", body, StringComparison.Ordinal);
        Assert.Contains("- Dette sociale", body, StringComparison.Ordinal);
        Assert.Contains("https://sf.example.fr/companies/552100554", body, StringComparison.Ordinal);
        // Neither the probability nor any source figure (the feature's 1,7 months of debt) may leave the platform.
        Assert.DoesNotContain("0.42", body, StringComparison.Ordinal);
        Assert.DoesNotContain("0,42", body, StringComparison.Ordinal);
        Assert.DoesNotContain("42", body, StringComparison.Ordinal);
        Assert.DoesNotContain("1,7", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_company_without_a_known_name_is_named_by_its_siren_once()
    {
        var change = Change(RiskLevel.High, RiskLevel.None);
        var alert = new Alert { ChangeKey = ChangeKeys.Of(change), Siren = change.Siren, Month = change.Month, PreviousLevel = RiskLevel.High, Level = RiskLevel.None };

        var (subject, body) = AlertMail.Immediate(alert, "https://sf.example.fr/companies/{siren}");

        Assert.Equal("[Signaux Faibles] SIREN 552100554 : risque fort (liste rouge) → hors liste", subject);
        Assert.Contains("L'entreprise SIREN 552100554, présente dans votre territoire, sort des listes (auparavant risque fort (liste rouge))", body, StringComparison.Ordinal);
    }
}
