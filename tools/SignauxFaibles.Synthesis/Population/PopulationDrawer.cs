using SignauxFaibles.Synthesis.Randomness;

namespace SignauxFaibles.Synthesis.Population;

/// <summary>Draws company number <c>i</c> from the seed and <c>i</c> alone, so companies can be drawn one at a time.</summary>
public sealed class PopulationDrawer
{
    public const ulong Stream = 1;

    private static readonly (string Code, string Form, double Weight)[] LegalCategories =
        [("5710", "SAS", 55), ("5499", "SARL", 37), ("5599", "SA", 5), ("5720", "SASU", 3)];

    private static readonly double[] LegalCumulative = Rng.Cumulate(LegalCategories.Select(c => c.Weight));

    private readonly SynthesisOptions _options;
    private readonly Departement[] _departements;
    private readonly double[] _departementCumulative;

    public PopulationDrawer(SynthesisOptions options)
    {
        _options = options;
        _departements = Departements.Of(options.Region);
        _departementCumulative = Rng.Cumulate(_departements.Select(d => (double)d.Inhabitants));
    }

    public Company Draw(long index)
    {
        var rng = Rng.For(_options.Seed, Stream, (ulong)index);
        var siren = Identifiers.Siren(index, _options.Seed);
        var sectorIndex = rng.Pick(Sectors.Cumulative);
        var sector = Sectors.All[sectorIndex];
        var naf = sector.Codes[rng.Pick(Sectors.CodeCumulative[sectorIndex])].Code;
        var departement = _departements[rng.Pick(_departementCumulative)];
        var legal = LegalCategories[rng.Pick(LegalCumulative)];
        var band = SizeBands.All[rng.Pick(SizeBands.Cumulative)];
        // Log-uniform within the band: within a band, smaller companies are more numerous.
        var headcount = (int)Math.Round(band.Min * Math.Pow((double)band.Max / band.Min, rng.NextDouble()));
        var createdOn = CreationDate(rng);
        var quality = rng.Normal();
        var wageLevel = rng.LogNormal(1.0, 0.15);
        var name = Names.Company(rng, legal.Form);
        var establishments = DrawEstablishments(rng, siren, headcount, departement, createdOn);
        // Banque de France rates companies above ~0.75 M€ turnover; Diane and Altares cover most.
        var inBdf = rng.Chance(headcount >= 20 ? 0.5 : 0.25);
        var inDiane = rng.Chance(0.65);
        var inPaydex = rng.Chance(0.75);
        var paysUrssafFirst = rng.Chance(0.25);
        return new Company(index, siren, name, sector, naf, departement, legal.Code, createdOn, headcount, establishments,
            quality, wageLevel, inBdf, inDiane, inPaydex, paysUrssafFirst);
    }

    private DateOnly CreationDate(Rng rng)
    {
        var from = _options.From.FirstDay;
        if (rng.Chance(_options.CreatedDuringWindowShare))
            return from.AddDays(rng.Next(Math.Max(1, _options.Months * 30 - 31)));
        // Ages of existing companies: a few young ones, a median around 14 years, a long tail.
        var years = Math.Min(90, 0.5 + rng.LogNormal(14, 0.8));
        return from.AddDays(-(int)(years * 365.25));
    }

    private List<Establishment> DrawEstablishments(Rng rng, string siren, int headcount, Departement home, DateOnly createdOn)
    {
        var count = headcount switch
        {
            < 20 => rng.Chance(0.08) ? 2 : 1,
            < 50 => rng.Chance(0.2) ? rng.Between(2, 3) : 1,
            < 250 => rng.Between(1, 5),
            < 2000 => rng.Between(3, 15),
            _ => rng.Between(10, 40),
        };
        var weights = new double[count];
        for (var e = 0; e < count; e++) weights[e] = e == 0 ? 2.0 + rng.NextDouble() : 0.3 + rng.NextDouble();
        var total = weights.Sum();
        var list = new List<Establishment>(count);
        for (var e = 0; e < count; e++)
        {
            // Secondary establishments mostly stay near home; some are elsewhere in the country.
            var departement = e == 0 || rng.Chance(0.6) ? home : Departements.All[rng.Next(Departements.All.Length)];
            var siret = Identifiers.Siret(siren, e + 1);
            var commune = Commune(rng, departement.Code);
            var urssafCode = "1" + departement.Region.PadLeft(2, '0');
            var opened = e == 0 ? createdOn : createdOn.AddDays(rng.Next(3650));
            list.Add(new Establishment(e + 1, siret, siret[9..], departement, commune.Code, commune.PostCode, Names.Street(rng), rng.Between(1, 180),
                e == 0, Identifiers.Account(urssafCode, siret), urssafCode, weights[e] / total, opened));
        }
        return list;
    }

    /// <summary>A commune code (département + number) and a postcode of that département; fictitious but well-formed.</summary>
    private static (string Code, string PostCode) Commune(Rng rng, string departement)
    {
        var n = rng.Between(1, 400);
        var c = System.Globalization.CultureInfo.InvariantCulture;
        if (departement.Length == 3) return (departement + (n % 100).ToString("D2", c), departement + (n % 10 * 10).ToString("D2", c));
        // Corsica: commune codes keep 2A/2B, postcodes are numeric (200xx south, 202xx north).
        if (departement is "2A" or "2B") return (departement + n.ToString("D3", c), (departement == "2A" ? "200" : "202") + (n % 100).ToString("D2", c));
        return (departement + n.ToString("D3", c), departement + (n % 10 * 100).ToString("D3", c));
    }
}
