using System.Text.Json;
using SignauxFaibles.Contracts.Groups;
using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Judiciaire;
using SignauxFaibles.Contracts.ShortTimeWork;

namespace SignauxFaibles.UnitTests.Ingestion;

/// <summary>The records of the DGEFP and Judiciaire kinds travel as JSON (record push, chunk events) without loss.</summary>
public class PushedRecordJsonTests
{
    [Fact]
    public void A_short_time_work_request_keeps_its_decoded_codes()
    {
        var request = new ShortTimeWorkRequest("apdemande:a1:15756082097503", "a1", Siret.Parse("15756082097503"), new DateOnly(2020, 3, 16),
            new DateOnly(2020, 6, 30), 1200.5m, 9800m, 12, ShortTimeWorkReason.OtherExceptionalCircumstances, ShortTimeWorkPerimeter.TemporaryClosureWholeEstablishment,
            ShortTimeWorkPriorUse.NoneInThreeYears, new DateOnly(2020, 3, 17), 40, 12, null, null, null);

        var json = JsonSerializer.Serialize(request, JsonSerializerOptions.Web);

        Assert.Contains("\"reason\":\"OtherExceptionalCircumstances\"", json);
        Assert.Contains("\"perimeter\":\"TemporaryClosureWholeEstablishment\"", json);
        Assert.Equal(request, JsonSerializer.Deserialize<ShortTimeWorkRequest>(json, JsonSerializerOptions.Web));
    }

    [Fact]
    public void A_consumption_carries_its_full_time_equivalent_and_reads_back_without_it()
    {
        var consumption = new ShortTimeWorkConsumption("apconso:a1:15756082097503:2020-04", "a1", Siret.Parse("15756082097503"), new YearMonth(2020, 4), 303.34m, 3100m, 4);

        var json = JsonSerializer.Serialize(consumption, JsonSerializerOptions.Web);

        Assert.Contains("\"fullTimeEquivalent\":2", json);
        Assert.Equal(consumption, JsonSerializer.Deserialize<ShortTimeWorkConsumption>(json, JsonSerializerOptions.Web));
    }

    [Fact]
    public void Group_ownership_paydex_and_announcements_round_trip_with_absent_identifiers()
    {
        var ownership = new GroupOwnership("ellisphere:1:151515151", Siren.Parse("151515151"), "10", "R1", "1", null, "1", "GROUPE", "ici", "IRLANDE", true, 2, 80m);
        var delay = new SupplierPaymentDelay("paydex:000000001:2019-01-15", Siren.Parse("000000001"), new DateOnly(2019, 1, 15), 3m, null, null, null, null, null, null);
        var announcement = new LegalAnnouncement("altares:x", Siret.Parse("61433760225578"), Siren.Parse("614337602"), new DateOnly(2001, 2, 3), new DateOnly(2011, 12, 29), "CJ1", "CN1");

        Assert.Equal(ownership, JsonSerializer.Deserialize<GroupOwnership>(JsonSerializer.Serialize(ownership, JsonSerializerOptions.Web), JsonSerializerOptions.Web));
        Assert.Equal(delay, JsonSerializer.Deserialize<SupplierPaymentDelay>(JsonSerializer.Serialize(delay, JsonSerializerOptions.Web), JsonSerializerOptions.Web));
        Assert.Equal(announcement, JsonSerializer.Deserialize<LegalAnnouncement>(JsonSerializer.Serialize(announcement, JsonSerializerOptions.Web), JsonSerializerOptions.Web));
    }
}
