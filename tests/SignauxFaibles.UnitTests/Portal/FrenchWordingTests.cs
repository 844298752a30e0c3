using SignauxFaibles.Portal.French;

namespace SignauxFaibles.UnitTests.Portal;

/// <summary>The words the portal shows officers for the services' values and codes.</summary>
public sealed class FrenchWordingTests
{
    [Theory]
    [InlineData("High", "Risque fort")]
    [InlineData("Moderate", "Risque modéré")]
    [InlineData("None", "Pas d'alerte")]
    [InlineData(null, "—")]
    [InlineData("Red", "—")]
    public void A_level_is_a_risk_in_words(string? level, string expected) => Assert.Equal(expected, Fr.Level(level));

    [Fact]
    public void No_level_is_shown_as_a_colour() =>
        Assert.All(Fr.Levels.Select(Fr.Level), words => Assert.DoesNotMatch("(?i)rouge|orange|hors liste", words));

    [Theory]
    [InlineData("High", "None", "Nouvelle alerte")]
    [InlineData("High", "Moderate", "Aggravation")]
    [InlineData("Moderate", "High", "Amélioration")]
    [InlineData("Moderate", "Moderate", "Stable")]
    public void The_change_column_names_the_move(string level, string previous, string expected) => Assert.Equal(expected, Fr.Change(level, previous));

    [Theory]
    [InlineData("micro", "TPE")]
    [InlineData("PME", "PME")]
    [InlineData("ETI", "ETI")]
    [InlineData("GE", "GE")]
    [InlineData(null, "—")]
    public void A_size_class_is_the_French_one(string? size, string expected) => Assert.Equal(expected, Fr.SizeClass(size));

    [Fact]
    public void The_size_filter_sends_the_service_values_and_shows_the_French_ones()
    {
        Assert.Equal(["micro", "PME", "ETI", "GE"], Fr.SizeClasses);
        Assert.Equal(["TPE", "PME", "ETI", "GE"], Fr.SizeClasses.Select(Fr.SizeClass));
    }

    [Theory]
    [InlineData("25.62B", "25.62B — Mécanique industrielle")]
    [InlineData("2562B", "25.62B — Mécanique industrielle")]
    [InlineData("C", "C — Industrie manufacturière")]
    [InlineData("10", "10 — Industries alimentaires")]
    [InlineData("47.11F", "47.11F — Hypermarchés")]
    [InlineData("99.99Z", "99.99Z")]
    [InlineData(null, "—")]
    public void A_NAF_code_is_shown_with_its_label(string? code, string expected) => Assert.Equal(expected, Fr.Naf(code));

    [Theory]
    [InlineData("5710", "5710 — Société par actions simplifiée (SAS)")]
    [InlineData("5499", "5499 — Société à responsabilité limitée (SARL)")]
    [InlineData("1000", "1000 — Entrepreneur individuel")]
    [InlineData("0000", "0000 — Organisme de placement collectif en valeurs mobilières sans personnalité morale")]
    [InlineData("8888", "8888")]
    [InlineData(null, "—")]
    public void A_legal_category_is_shown_with_its_label(string? code, string expected) => Assert.Equal(expected, Fr.LegalCategory(code));

    [Theory]
    [InlineData("21", "Côte-d'Or (21)")]
    [InlineData("2A", "Corse-du-Sud (2A)")]
    [InlineData("971", "Guadeloupe (971)")]
    [InlineData("20", "20")]
    [InlineData(null, "—")]
    public void A_departement_is_shown_by_its_name(string? code, string expected) => Assert.Equal(expected, Fr.Departement(code));

    [Theory]
    [InlineData("27", "Bourgogne-Franche-Comté")]
    [InlineData("11", "Île-de-France")]
    [InlineData("84", "Auvergne-Rhône-Alpes")]
    [InlineData("99", "99")]
    [InlineData(null, "—")]
    public void A_region_is_shown_by_its_name(string? code, string expected) => Assert.Equal(expected, Fr.Region(code));

    [Theory]
    [InlineData("2026-03", "mars 2026")]
    [InlineData("2020-02", "févr. 2020")]
    [InlineData("2025-08", "août 2025")]
    [InlineData("2025-12", "déc. 2025")]
    [InlineData("2025-13", "2025-13")]
    [InlineData("2025", "2025")]
    public void A_month_is_written_the_French_way(string yearMonth, string expected) => Assert.Equal(expected, Fr.Month(yearMonth));

    [Fact]
    public void Numbers_amounts_and_percentages_are_written_the_French_way()
    {
        Assert.Equal("12\u202f345,7", Fr.Number(12345.67, 1));
        Assert.Equal("1\u202f234\u202f567", Fr.Number(1234567));
        Assert.Equal("12\u202f345\u00a0€", Fr.Euros(12345.4));
        Assert.Equal("12,5\u00a0%", Fr.Percent(0.125));
        Assert.Equal("81,0\u00a0%", Fr.Percent(0.81));
    }

    [Fact]
    public void Dates_are_day_month_year()
    {
        var at = new DateTimeOffset(2026, 3, 5, 14, 7, 0, TimeSpan.Zero);
        Assert.Equal("05/03/2026", Fr.Date(at));
        Assert.Equal("05/03/2026 14:07", Fr.DateAndTime(at));
    }

    [Theory]
    [InlineData(true, "Utile")]
    [InlineData(false, "Pas utile")]
    [InlineData(null, "—")]
    public void A_verdict_is_in_words(bool? useful, string expected) => Assert.Equal(expected, Fr.Useful(useful));
}
