using SignauxFaibles.Contracts.Identifiers;
using SignauxFaibles.Contracts.Registry;
using SignauxFaibles.Ingestion.Changes;

namespace SignauxFaibles.UnitTests.Ingestion;

public class RecordFingerprinterTests
{
    private static readonly EstablishmentRegistration Record = new(
        "55210055400013", Siret.Parse("55210055400013"), true, new DateOnly(1950, 1, 1), "10.11Z", "NAFRev2", "12", "1", "RUE", "A",
        "20000", "AJACCIO", "2A004", "2A", "94", true, new DateOnly(2000, 1, 1), 41.9, 8.7);

    [Fact]
    public void The_same_content_gives_the_same_fingerprint_and_any_published_field_changes_it()
    {
        var fingerprinter = new RecordFingerprinter();
        var first = fingerprinter.Fingerprint(Record);

        Assert.Equal(first, new RecordFingerprinter().Fingerprint(Record with { }));
        Assert.NotEqual(first, fingerprinter.Fingerprint(Record with { Active = false }));
        Assert.NotEqual(first, fingerprinter.Fingerprint(Record with { Latitude = 41.90001 }));
        Assert.NotEqual(first, fingerprinter.Fingerprint(Record with { StreetName = null }));
        Assert.Equal(first, fingerprinter.Fingerprint(Record));
    }
}
