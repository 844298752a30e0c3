using SignauxFaibles.Contracts.Scoring;
using SignauxFaibles.Notifications.Officers;
using SignauxFaibles.Notifications.Routing;
using SignauxFaibles.Notifications.Territories;
using static SignauxFaibles.UnitTests.Notifications.RoutingFixtures;

namespace SignauxFaibles.UnitTests.Notifications;

public sealed class AlertRoutingTests
{
    private static readonly CompanyEstablishment[] InCoteDorAndYonne =
        [Establishment("00013", "21", "27"), Establishment("00021", "89", "27")];

    [Fact]
    public void A_change_reaches_officers_of_any_departement_of_the_company_its_region_and_national_ones_with_the_score_right()
    {
        var dijon = Officer("dijon", departements: ["21"]);
        var auxerre = Officer("auxerre", departements: ["89", "58"]);
        var region = Officer("bfc", regions: ["27"]);
        var national = Officer("paris", national: true);
        var lyon = Officer("lyon", departements: ["69"]);
        var otherRegion = Officer("ara", regions: ["84"]);
        var noScore = Officer("dijon-urssaf", OfficerRights.Urssaf | OfficerRights.Bdf, departements: ["21"]);
        var left = Officer("left", departements: ["21"]);
        left.Active = false;

        var recipients = AlertRouting.Recipients(Change(RiskLevel.None, RiskLevel.High),
            [dijon, auxerre, region, national, lyon, otherRegion, noScore, left], InCoteDorAndYonne, null);

        Assert.Equal(["dijon", "auxerre", "bfc", "paris"], recipients.Select(o => o.FirstName));
    }

    [Fact]
    public void Closed_establishments_do_not_place_a_company_that_still_has_open_ones()
    {
        var dijon = Officer("dijon", departements: ["21"]);
        var nevers = Officer("nevers", departements: ["58"]);

        var recipients = AlertRouting.Recipients(Change(RiskLevel.Moderate, RiskLevel.High), [dijon, nevers],
            [Establishment("00013", "21", "27"), Establishment("00039", "58", "27", active: false)], null);

        Assert.Equal(["dijon"], recipients.Select(o => o.FirstName));
    }

    [Fact]
    public void A_company_with_every_establishment_closed_is_still_placed_where_they_were()
    {
        var nevers = Officer("nevers", departements: ["58"]);

        var recipients = AlertRouting.Recipients(Change(RiskLevel.Moderate, RiskLevel.High), [nevers],
            [Establishment("00039", "58", "27", active: false)], null);

        Assert.Single(recipients);
    }

    [Fact]
    public void An_establishment_abroad_places_the_company_only_for_national_officers()
    {
        var dijon = Officer("dijon", departements: ["21"]);
        var national = Officer("paris", national: true);

        var recipients = AlertRouting.Recipients(Change(RiskLevel.None, RiskLevel.Moderate), [dijon, national],
            [Establishment("00013", null, null)], null);

        Assert.Equal(["paris"], recipients.Select(o => o.FirstName));
    }

    [Theory]
    [InlineData(RiskLevel.None, RiskLevel.Moderate, ChangeDirection.Worsening)]
    [InlineData(RiskLevel.Moderate, RiskLevel.High, ChangeDirection.Worsening)]
    [InlineData(RiskLevel.None, RiskLevel.High, ChangeDirection.Worsening)]
    [InlineData(RiskLevel.High, RiskLevel.Moderate, ChangeDirection.Improving)]
    [InlineData(RiskLevel.High, RiskLevel.None, ChangeDirection.LeavingLists)]
    [InlineData(RiskLevel.Moderate, RiskLevel.None, ChangeDirection.LeavingLists)]
    public void Directions(RiskLevel previous, RiskLevel level, ChangeDirection expected) =>
        Assert.Equal(expected, ChangeDirections.Of(previous, level));

    [Fact]
    public void An_officer_following_only_the_red_list_hears_of_companies_entering_or_leaving_it_only()
    {
        var subscription = new Subscription { Levels = [RiskLevel.High] };

        Assert.True(AlertRouting.Wants(subscription, Change(RiskLevel.Moderate, RiskLevel.High), null));
        Assert.True(AlertRouting.Wants(subscription, Change(RiskLevel.High, RiskLevel.Moderate), null));
        Assert.False(AlertRouting.Wants(subscription, Change(RiskLevel.None, RiskLevel.Moderate), null));
        Assert.False(AlertRouting.Wants(subscription, Change(RiskLevel.Moderate, RiskLevel.None), null));
    }

    [Fact]
    public void Directions_can_be_switched_off_one_by_one()
    {
        var worseningOnly = new Subscription { Improving = false, LeavingLists = false };
        var positiveOnly = new Subscription { Worsening = false, Improving = false, LeavingLists = true };

        Assert.True(AlertRouting.Wants(worseningOnly, Change(RiskLevel.None, RiskLevel.Moderate), null));
        Assert.False(AlertRouting.Wants(worseningOnly, Change(RiskLevel.High, RiskLevel.Moderate), null));
        Assert.False(AlertRouting.Wants(worseningOnly, Change(RiskLevel.High, RiskLevel.None), null));
        Assert.True(AlertRouting.Wants(positiveOnly, Change(RiskLevel.High, RiskLevel.None), null));
        Assert.False(AlertRouting.Wants(positiveOnly, Change(RiskLevel.None, RiskLevel.High), null));
    }

    [Fact]
    public void Sectors_match_at_any_level_of_the_NAF_and_an_unknown_activity_never_hides_an_alert()
    {
        var manufacturing = new Subscription { Sectors = ["C"] };
        var metalWork = new Subscription { Sectors = ["25.62"] };
        var change = Change(RiskLevel.None, RiskLevel.High);
        var machining = new CompanyProfile { ActivityCode = "25.62B" };
        var retail = new CompanyProfile { ActivityCode = "47.11F" };

        Assert.True(AlertRouting.Wants(manufacturing, change, machining));
        Assert.True(AlertRouting.Wants(metalWork, change, machining));
        Assert.False(AlertRouting.Wants(manufacturing, change, retail));
        Assert.True(AlertRouting.Wants(manufacturing, change, new CompanyProfile { ActivityCode = null }));
        Assert.True(AlertRouting.Wants(manufacturing, change, null));
    }

    [Fact]
    public void Size_categories_filter_when_the_size_is_known()
    {
        var midCaps = new Subscription { SizeCategories = ["ETI", "GE"] };
        var change = Change(RiskLevel.None, RiskLevel.High);

        Assert.True(AlertRouting.Wants(midCaps, change, new CompanyProfile { SizeCategory = "ETI" }));
        Assert.False(AlertRouting.Wants(midCaps, change, new CompanyProfile { SizeCategory = "PME" }));
        Assert.True(AlertRouting.Wants(midCaps, change, new CompanyProfile { SizeCategory = null }));
    }

    [Fact]
    public void Subscription_filters_apply_after_the_zone_and_right()
    {
        var picky = Officer("picky", departements: ["21"]);
        picky.Subscription = new Subscription { Worsening = false };

        Assert.Empty(AlertRouting.Recipients(Change(RiskLevel.None, RiskLevel.High), [picky], InCoteDorAndYonne, null));
    }

    [Theory]
    [InlineData(MailPreference.RedAtOnceOthersInDigest, RiskLevel.High, MailPlan.AtOnce)]
    [InlineData(MailPreference.RedAtOnceOthersInDigest, RiskLevel.Moderate, MailPlan.Digest)]
    [InlineData(MailPreference.RedAtOnceOthersInDigest, RiskLevel.None, MailPlan.Digest)]
    [InlineData(MailPreference.AllAtOnce, RiskLevel.Moderate, MailPlan.AtOnce)]
    [InlineData(MailPreference.DigestOnly, RiskLevel.High, MailPlan.Digest)]
    [InlineData(MailPreference.InboxOnly, RiskLevel.High, MailPlan.None)]
    public void Mail_plans(MailPreference preference, RiskLevel level, MailPlan expected) =>
        Assert.Equal(expected, MailPlans.For(preference, level));

    [Fact]
    public void The_change_key_ignores_the_model_version_and_the_probability_but_not_the_moment_it_was_scored()
    {
        var first = Change(RiskLevel.Moderate, RiskLevel.High);
        var republished = first with { ModelVersion = "m2", Probability = 0.9 };

        Assert.Equal(ChangeKeys.Of(first), ChangeKeys.Of(republished));
        Assert.NotEqual(ChangeKeys.Of(first), ChangeKeys.Of(first with { Month = new(2026, 11) }));
        // The same move again later in the month (after the opposite one) is another change.
        Assert.NotEqual(ChangeKeys.Of(first), ChangeKeys.Of(first with { ChangedAt = first.ChangedAt.AddMinutes(1) }));
        Assert.Equal($"552100554/2026-10/Moderate>High/{first.ChangedAt.UtcTicks}", ChangeKeys.Of(first));
    }
}
