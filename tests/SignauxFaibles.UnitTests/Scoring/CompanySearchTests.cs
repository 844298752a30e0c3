using SignauxFaibles.Scoring.Search;

namespace SignauxFaibles.UnitTests.Scoring;

/// <summary>The officers' company search: how names and queries are normalised, and how a query is classified.</summary>
public sealed class CompanySearchTests
{
    [Theory]
    [InlineData("Boulangerie Dupont", "boulangerie dupont")]
    [InlineData("  TÔLERIE   de BOURGOGNE ", "tolerie de bourgogne")]
    [InlineData("L'Œuvre Saint-Étienne", "l oeuvre saint etienne")]
    [InlineData("Garçon & Fils — S.A.R.L.", "garcon fils s a r l")]
    [InlineData("Äpfel Straße Øresund Łódź", "apfel strasse oresund lodz")]
    [InlineData("Crème brûlée n°1", "creme brulee n 1")]
    [InlineData("L’atelier\u00a0d’Ève", "l atelier d eve")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Names_lose_case_accents_ligatures_and_punctuation(string? name, string expected) =>
        Assert.Equal(expected, SearchText.Normalise(name));

    [Fact]
    public void Decomposed_accents_are_dropped_as_well()
    {
        // "é" written as "e" followed by a combining acute accent (U+0301), as some exports write it.
        Assert.Equal("cafe de l ecole", SearchText.Normalise("Cafe\u0301 de l'E\u0301cole"));
    }

    [Fact]
    public void A_query_is_cut_into_the_words_a_result_must_hold_without_articles_or_single_letters()
    {
        Assert.Equal(["boulangerie", "gare"], SearchText.Words("boulangerie de la gare"));
        Assert.Equal(["atelier", "eve"], SearchText.Words("l atelier d eve"));
        Assert.Equal(["dupont"], SearchText.Words("dupont dupont"));
        // Nothing but articles: they are searched for all the same.
        Assert.Equal(["les", "du"], SearchText.Words("les du"));
    }

    [Theory]
    [InlineData("552100554", "552100554")]
    [InlineData(" 552 100 554 ", "552100554")]
    [InlineData("552.100.554", "552100554")]
    [InlineData("552\u00a0100\u202f554", "552100554")]
    public void Nine_digits_however_spaced_are_a_siren(string typed, string siren)
    {
        var query = CompanySearchQuery.Parse(typed, out var refusal);
        Assert.Null(refusal);
        Assert.Equal((SearchKind.Siren, siren), (query!.Kind, query.Siren.Value));
    }

    [Theory]
    [InlineData("55210055400025")]
    [InlineData("552 100 554 00025")]
    [InlineData("552-100-554-00025")]
    public void Fourteen_digits_are_a_siret_answered_by_its_company(string typed)
    {
        var query = CompanySearchQuery.Parse(typed, out _);
        Assert.Equal((SearchKind.Siret, "55210055400025", "552100554"), (query!.Kind, query.Normalised, query.Siren.Value));
    }

    [Theory]
    [InlineData("boulangrie dupon", "boulangrie dupon", new[] { "boulangrie", "dupon" })]
    [InlineData("  Dupont   BOULANGERIE ", "dupont boulangerie", new[] { "dupont", "boulangerie" })]
    [InlineData("Tôlerie de Bourgogne", "tolerie de bourgogne", new[] { "tolerie", "bourgogne" })]
    [InlineData("21000", "21000", new[] { "21000" })]
    [InlineData("5521005540", "5521005540", new[] { "5521005540" })]
    [InlineData("552 100 abc", "552 100 abc", new[] { "552", "100", "abc" })]
    public void Anything_else_is_words_of_a_name_or_commune(string typed, string normalised, string[] words)
    {
        var query = CompanySearchQuery.Parse(typed, out var refusal);
        Assert.Null(refusal);
        Assert.Equal((SearchKind.Text, normalised), (query!.Kind, query.Normalised));
        Assert.Equal(words, query.Words);
        Assert.Throws<InvalidOperationException>(() => query.Siren);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ab")]
    [InlineData(" é-à ")]
    [InlineData("l'a")]
    [InlineData("12")]
    public void Fewer_than_three_letters_or_digits_are_refused_with_the_reason(string? typed)
    {
        Assert.Null(CompanySearchQuery.Parse(typed, out var refusal));
        Assert.Contains("at least 3 letters or digits", refusal);
    }

    [Fact]
    public void Three_letters_are_enough_even_with_accents()
    {
        var query = CompanySearchQuery.Parse("Éco", out _);
        Assert.Equal((SearchKind.Text, "eco"), (query!.Kind, query.Normalised));
    }

    [Fact]
    public void A_company_is_searchable_by_the_communes_that_place_it()
    {
        // Open establishments place the company; a closed one stops counting while another is open.
        Assert.Equal(["Beaune", "Dijon"], CompanySearchIndex.Communes([("Dijon", true), ("Beaune", true), ("Auxerre", false), ("DIJON", true), (null, true)]));
        // None open (winding down): it stays findable where it was.
        Assert.Equal(["Auxerre", "Dijon"], CompanySearchIndex.Communes([("Dijon", false), ("Auxerre", false)]));
        Assert.Empty(CompanySearchIndex.Communes([]));
        Assert.Equal(CompanySearchEntry.MaxCommunes, CompanySearchIndex.Communes(Enumerable.Range(0, 100).Select(i => ((string?)$"Commune {i:D3}", true))).Count);
    }
}
