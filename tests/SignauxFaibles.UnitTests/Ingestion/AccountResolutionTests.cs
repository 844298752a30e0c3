using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Provenance;
using SignauxFaibles.Contracts.Urssaf;
using SignauxFaibles.Ingestion.Urssaf.Comptes;

namespace SignauxFaibles.UnitTests.Ingestion;

public class AccountResolutionTests
{
    private static AccountLink Link(string siret, DateOnly? from, DateOnly? until) => new()
    {
        RecordKey = siret, AccountNumber = "A", Siren = Siren.Parse(siret[..9]), Siret = Siret.Parse(siret), ValidFrom = from, ValidUntil = until,
    };

    private static readonly AccountLink[] Links =
    [
        Link("11111111100011", new DateOnly(2010, 1, 1), new DateOnly(2015, 1, 1)),
        Link("22222222200022", new DateOnly(2015, 1, 1), null),
    ];

    [Theory]
    [InlineData(2009, 12, 31, null)]
    [InlineData(2010, 1, 1, "11111111100011")]
    [InlineData(2014, 12, 31, "11111111100011")]
    [InlineData(2015, 1, 1, "22222222200022")] // the end date is exclusive, the start inclusive
    [InlineData(2030, 6, 1, "22222222200022")]
    public void The_link_valid_at_the_date_gives_the_siret(int y, int m, int d, string? expected) =>
        Assert.Equal(expected, AccountResolution.Resolve(Links, new DateOnly(y, m, d))?.Value);

    [Fact]
    public void Only_records_without_a_siret_need_the_map_and_they_are_completed()
    {
        var step = new ContributionDebtStep("k", "A", Siren.Parse("111111111"), null, new MonthRange(new YearMonth(2020, 1), new YearMonth(2020, 1)),
            "1", 1, new DateOnly(2020, 3, 2), 1, 2, 1, "0", "1", "2", false);
        Assert.Equal(("A", new DateOnly(2020, 3, 2)), AccountResolution.Needed(step));

        var completed = (ContributionDebtStep)AccountResolution.WithSiret(step, Siret.Parse("11111111100011"));
        Assert.Equal("11111111100011", completed.Siret?.Value);
        Assert.Null(AccountResolution.Needed(completed));
    }
}
