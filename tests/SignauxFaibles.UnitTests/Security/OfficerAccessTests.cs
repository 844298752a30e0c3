using System.Security.Claims;
using SignauxFaibles.Features.Access;
using SignauxFaibles.Indicators.Panel;
using SignauxFaibles.Notifications.Officers;
using SignauxFaibles.Security.Access;
using SignauxFaibles.Security.Authentication;

namespace SignauxFaibles.UnitTests.Security;

public sealed class OfficerAccessTests
{
    private static ClaimsPrincipal Principal(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "test"));

    [Fact]
    public void An_officer_token_gives_rights_and_zone()
    {
        var officer = OfficerAccess.From(Principal(("sub", "a@b.fr"), ("institution", "DREETS"), ("right", "urssaf"), ("right", "dgefp"),
            ("territory", "dep:21"), ("territory", "dep:2A"), ("territory", "reg:44")))!;

        Assert.Equal(("a@b.fr", "DREETS", false), (officer.Subject, officer.Institution, officer.National));
        Assert.True(officer.Holds(Rights.Urssaf));
        Assert.False(officer.Holds(Rights.Bdf));
        Assert.True(officer.Covers("21", "27"));
        Assert.True(officer.Covers("2A", "94"));
        Assert.True(officer.Covers("67", "44"));
        Assert.False(officer.Covers("75", "11"));
        Assert.False(officer.Covers(null, null));
        // Any open establishment in the zone puts the company in it; none known: out of a local zone.
        Assert.True(officer.CoversCompany([new("75", "11", Open: true), new("21", "27", Open: true)]));
        Assert.False(officer.CoversCompany([]));
        // A closed plant in the zone no longer counts while another establishment is open…
        Assert.False(officer.CoversCompany([new("75", "11", Open: true), new("21", "27", Open: false)]));
        // …but a company with nothing open left stays where its establishments were.
        Assert.True(officer.CoversCompany([new("75", "11", Open: false), new("21", "27", Open: false)]));
    }

    [Fact]
    public void A_national_officer_covers_everything_and_clients_are_not_officers()
    {
        var national = OfficerAccess.From(Principal(("sub", "n"), ("institution", "DGE"), ("territory", "national")))!;
        Assert.True(national.CoversCompany([]));
        Assert.True(national.Covers("971", "01"));
        Assert.Null(OfficerAccess.From(Principal(("sub", "urssaf"), ("client_id", "urssaf"), ("scope", "ingest:urssaf"))));
    }

    [Fact]
    public void Scopes_are_read_from_one_spaced_claim_or_several()
    {
        Assert.True(Principal(("scope", "ops ingest:urssaf")).HasScope("ingest:urssaf"));
        Assert.True(Principal(("scope", "ops"), ("scope", "ingest:dgefp")).HasScope("ingest:dgefp"));
        Assert.False(Principal(("scope", "ingest:urssafx")).HasScope("ingest:urssaf"));
        Assert.Equal("client", Principal(("client_id", "client")).Actor());
    }

    [Fact]
    public void Confidential_columns_need_their_source_right()
    {
        Assert.Equal(Rights.Urssaf, ConfidentialColumns.RightFor("montant_part_ouvriere_past_12"));
        Assert.Equal(Rights.Urssaf, ConfidentialColumns.RightFor("dyn_dette_soldee"));
        Assert.Equal(Rights.Dgefp, ConfidentialColumns.RightFor("apart_heures_consommees"));
        Assert.Equal(Rights.Bdf, ConfidentialColumns.RightFor("taux_marge_past_2"));
        Assert.Null(ConfidentialColumns.RightFor("effectif_ent"));
        // Accounts may come from a tax return (the panel keeps no source per value): the dgfip right.
        Assert.Equal(Rights.Dgfip, ConfidentialColumns.RightFor("ca_past_1"));
        Assert.Equal(Rights.Dgfip, ConfidentialColumns.RightFor("dette_a_terme_sur_fonds_propres"));
        Assert.Null(ConfidentialColumns.RightFor("paydex_nb_jours"));
        Assert.Null(ConfidentialColumns.RightFor("etat_proc_collective"));
    }

    [Fact]
    public void The_directory_announces_rights_only_for_level_A()
    {
        var officer = new Officer
        {
            Id = Guid.NewGuid(), Email = "x@y.fr", FirstName = "X", LastName = "Y", Institution = "URSSAF", AccessLevel = "A",
            Rights = OfficerRights.Urssaf | OfficerRights.Score, Departements = ["21"],
        };
        Assert.Equal(["urssaf", "score"], OfficerDirectoryAnnouncer.Of(officer, DateTimeOffset.UnixEpoch).Rights);
        officer.AccessLevel = "B";
        Assert.Empty(OfficerDirectoryAnnouncer.Of(officer, DateTimeOffset.UnixEpoch).Rights);
    }
}
